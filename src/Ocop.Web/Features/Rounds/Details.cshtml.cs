using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Evaluation;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;

namespace Ocop.Web.Features.Rounds;

/// <summary>
/// A round: its council (members, positions, declared conflicts) and its products, each fixed to the published
/// scoresheet of its product set. The office sets them up; members declare conflicts and open their sheets here.
/// </summary>
public sealed class DetailsModel(
    OcopDbContext db, UserScopeLoader scopes, UserManager<AppUser> users, TimeProvider clock, Products.ProductListIndex productList) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public MemberInput Member { get; set; } = new();
    [BindProperty] public ConflictInput Conflict { get; set; } = new();
    [BindProperty] public ProductInput AddProduct { get; set; } = new();
    /// <summary>The product picker's search, typed with or without diacritics (as on the product list).</summary>
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }

    public EvaluationRound Round { get; private set; } = null!;
    public string UnitName { get; private set; } = "";
    public string? ProcessWarning { get; private set; }
    public string ProcessTitle { get; private set; } = "";
    public string BasisTitle { get; private set; } = "";
    public bool CanManage { get; private set; }
    public bool IsOpen => Round.State == RoundState.Open;
    public int? MyMemberId { get; private set; }
    /// <summary>Subjects the signed-in member declared a conflict with: their products' progress is hidden from them while the round is open.</summary>
    public List<int> MyConflicts { get; private set; } = [];
    public List<MemberRow> Members { get; private set; } = [];
    public List<ProductRow> Products { get; private set; } = [];
    public List<SelectListItem> UserChoices { get; private set; } = [];
    public List<SelectListItem> SubjectChoices { get; private set; } = [];
    /// <summary>The picker's matches (at most <see cref="PickerLimit"/>): products with an accepted dossier of the round's year first.</summary>
    public List<CandidateRow> Candidates { get; private set; } = [];
    /// <summary>True when more products match than the picker shows: the user narrows the search.</summary>
    public bool MoreCandidates { get; private set; }
    public const int PickerLimit = 20;
    public List<SelectListItem> MemberChoices { get; private set; } = [];

    public sealed record CandidateRow(int Id, string Name, string SubjectName, string CommuneName, bool Accepted);
    public sealed record ConflictRow(string SubjectName, string Relation, DateTime DeclaredAt);
    public sealed record MemberRow(int Id, string FullName, string Organisation, CouncilPosition Position, string? UserName, List<ConflictRow> Conflicts);
    public sealed record ProductRow(int Id, int ProductId, string Name, int SubjectId, string SubjectName, string SheetCode, string SheetBasis, int SheetVersion, int? DossierId,
        int Submitted, int Scoring, int Recused, MemberSheetState? MyState, int? Star, int? ScoreHundredths);

    public sealed class MemberInput
    {
        public string? UserId { get; set; }
        public string? FullName { get; set; }
        public string? Organisation { get; set; }
        public CouncilPosition Position { get; set; } = CouncilPosition.Member;
    }

    public sealed class ConflictInput
    {
        public int? MemberId { get; set; }
        public int? SubjectId { get; set; }
        public string? Relation { get; set; }
    }

    public sealed class ProductInput
    {
        public int? ProductId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAddMemberAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (!CanManage || !IsOpen)
        {
            return Forbid();
        }

        ModelState.Clear();
        var fullName = Member.FullName?.Trim();
        var organisation = Member.Organisation?.Trim();
        string? userId = string.IsNullOrWhiteSpace(Member.UserId) ? null : Member.UserId;
        if (userId is not null)
        {
            var user = await users.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId && !u.IsArchived, ct);
            if (user is null)
            {
                ModelState.AddModelError("Member.UserId", "Người dùng không tồn tại.");
            }
            else
            {
                fullName = string.IsNullOrWhiteSpace(fullName) ? (user.FullName.Length > 0 ? user.FullName : user.UserName) : fullName;
                organisation = string.IsNullOrWhiteSpace(organisation) ? user.Organisation ?? "" : organisation;
                if (await db.CouncilMembers.AnyAsync(m => m.RoundId == Id && m.UserId == userId, ct))
                {
                    ModelState.AddModelError("Member.UserId", "Người này đã là thành viên hội đồng của đợt.");
                }
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(fullName))
            {
                ModelState.AddModelError("Member.FullName", "Chọn người dùng hoặc nhập họ tên thành viên bên ngoài.");
            }

            if (string.IsNullOrWhiteSpace(organisation))
            {
                ModelState.AddModelError("Member.Organisation", "Nhập cơ quan, đơn vị của thành viên bên ngoài.");
            }
        }

        if (fullName is { Length: > 120 })
        {
            ModelState.AddModelError("Member.FullName", "Họ tên tối đa 120 ký tự.");
        }

        if (organisation is { Length: > 200 })
        {
            ModelState.AddModelError("Member.Organisation", "Cơ quan tối đa 200 ký tự.");
        }

        if (!Enum.IsDefined(Member.Position))
        {
            ModelState.AddModelError("Member.Position", "Chức danh không hợp lệ.");
        }
        else if (Member.Position == CouncilPosition.Chair && Members.Any(m => m.Position == CouncilPosition.Chair))
        {
            ModelState.AddModelError("Member.Position", "Hội đồng đã có chủ tịch.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.CouncilMembers.Add(new CouncilMember { RoundId = Id, UserId = userId, FullName = fullName!, Organisation = organisation ?? "", Position = Member.Position });
        await db.SaveChangesAsync(ct);
        await RoundSheets.SyncAsync(db, Id, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Message"] = $"Đã thêm {fullName} vào hội đồng.";
        return Redirect($"/Rounds/Details/{Id}");
    }

    public async Task<IActionResult> OnPostConflictAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        var member = Members.FirstOrDefault(m => m.Id == Conflict.MemberId);
        // The office records declarations for anyone (external members have no account); a member declares their own.
        if (!IsOpen || (!CanManage && (member is null || member.Id != MyMemberId)))
        {
            return Forbid();
        }

        if (member is null)
        {
            ModelState.AddModelError("Conflict.MemberId", "Chọn thành viên hội đồng.");
        }

        var relation = Conflict.Relation?.Trim();
        if (string.IsNullOrWhiteSpace(relation))
        {
            ModelState.AddModelError("Conflict.Relation", "Nêu mối quan hệ với chủ thể (ví dụ: người thân của chủ hộ, thành viên hợp tác xã).");
        }
        else if (relation.Length > 500)
        {
            ModelState.AddModelError("Conflict.Relation", "Mối quan hệ tối đa 500 ký tự.");
        }

        if (Conflict.SubjectId is not int subjectId || !await db.Subjects.AnyAsync(s => s.Id == subjectId, ct))
        {
            ModelState.AddModelError("Conflict.SubjectId", "Chọn chủ thể.");
        }
        else if (member is not null && await db.ConflictDeclarations.AnyAsync(c => c.CouncilMemberId == member.Id && c.SubjectId == subjectId, ct))
        {
            ModelState.AddModelError("Conflict.SubjectId", "Thành viên đã khai xung đột lợi ích với chủ thể này.");
        }
        else if (member is not null && !CanManage && await db.MemberScoresheets.AnyAsync(s => s.CouncilMemberId == member.Id
                     && s.RoundProduct!.Product!.SubjectId == subjectId && (s.State == MemberSheetState.Draft || s.State == MemberSheetState.Submitted), ct))
        {
            // A member declares before scoring: once they have scored, only the office records it (and the sheet stops counting).
            ModelState.AddModelError("Conflict.SubjectId",
                "Bạn đã chấm sản phẩm của chủ thể này: xung đột lợi ích phải được khai trước khi chấm. Báo văn phòng OCOP để ghi nhận.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ConflictDeclarations.Add(new ConflictDeclaration
        {
            CouncilMemberId = member!.Id,
            SubjectId = Conflict.SubjectId!.Value,
            Relation = relation!,
            DeclaredAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
        await RoundSheets.SyncAsync(db, Id, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Message"] = $"Đã ghi nhận khai báo xung đột lợi ích của {member.FullName}: không chấm sản phẩm của chủ thể này.";
        return Redirect($"/Rounds/Details/{Id}");
    }

    public async Task<IActionResult> OnPostAddProductAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        if (!CanManage || !IsOpen)
        {
            return Forbid();
        }

        ModelState.Clear();
        var product = AddProduct.ProductId is int productId
            ? await (await scopes.GetAsync(ct)).Visible(db.Products).AsNoTracking().Where(p => p.Id == productId && p.Status != Core.Registry.ProductStatus.Archived)
                .Select(p => new { p.Id, p.Name, p.Category!.ProductSet, ParentSet = p.Category.Parent != null ? p.Category.Parent.ProductSet : null })
                .SingleOrDefaultAsync(ct)
            : null;
        ScoresheetRecord? sheet = null;
        if (product is null)
        {
            ModelState.AddModelError("AddProduct.ProductId", "Chọn sản phẩm.");
        }
        else if (Products.Any(p => p.ProductId == product.Id))
        {
            ModelState.AddModelError("AddProduct.ProductId", "Sản phẩm đã có trong đợt đánh giá.");
        }
        else if ((product.ProductSet ?? product.ParentSet) is not int set)
        {
            ModelState.AddModelError("AddProduct.ProductId", "Nhóm sản phẩm của sản phẩm chưa gắn với bộ sản phẩm nào, nên không có phiếu chấm.");
        }
        else
        {
            // The newest published version at the time; the product keeps it for good.
            sheet = await db.Scoresheets.AsNoTracking()
                .Where(s => s.LegalBasisCode == Round.LegalBasisCode && s.ProductSetNumber == set && s.Status == ScoresheetStatus.Published)
                .OrderByDescending(s => s.SheetVersion).FirstOrDefaultAsync(ct);
            if (sheet is null)
            {
                ModelState.AddModelError("AddProduct.ProductId",
                    $"Chưa có phiếu chấm đã ban hành cho bộ sản phẩm số {set.ToString(CultureInfo.InvariantCulture)} theo {BasisTitle}.");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // An accepted dossier of the round's year is linked when there is one; without it the product may still be
        // added (dossiers may still be on paper), and the page says so.
        var year = Round.OpensOn.Year;
        var dossierId = await db.Dossiers.AsNoTracking()
            .Where(d => d.ProductId == product!.Id && d.Year == year && d.State == DossierState.Accepted)
            .OrderByDescending(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.RoundProducts.Add(new RoundProduct { RoundId = Id, ProductId = product!.Id, ScoresheetId = sheet!.Id, DossierId = dossierId });
        await db.SaveChangesAsync(ct);
        await RoundSheets.SyncAsync(db, Id, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Message"] = $"Đã thêm sản phẩm {product.Name} (phiếu chấm {sheet.ProductSetCode}, phiên bản {sheet.SheetVersion.ToString(CultureInfo.InvariantCulture)}).";
        return Redirect($"/Rounds/Details/{Id}");
    }

    /// <summary>
    /// The picker: with a search, the products matching it as the product list finds them (every word in the product,
    /// its subject or its commune, best matches first, from the same in-memory index); without one, the products whose
    /// dossier for the round's year was accepted. Either way within the user's scope, not archived, not yet in the
    /// round, and capped, so a national registry of 16,000 products is never rendered as one select.
    /// </summary>
    private async Task LoadCandidatesAsync(UserScope scope, int year, CancellationToken ct)
    {
        var inRound = Products.Select(p => p.ProductId).ToHashSet();
        var query = Core.Text.SearchQuery.Parse(Q);
        if (!query.IsEmpty)
        {
            var index = await productList.GetAsync(db, ct);
            var (found, _) = index.Find(scope, new Products.ProductSearch(Q, null, null, null, null, null), new UnitQuery.Resolved(null, null, null, null),
                query, productList.Today, 0, null);
            var picked = found.Where(p => !inRound.Contains(p.Id)).Take(PickerLimit + 1).ToList();
            var pickedIds = picked.Select(p => p.Id).ToList();
            var accepted = await db.Dossiers.AsNoTracking()
                .Where(d => pickedIds.Contains(d.ProductId) && d.Year == year && d.State == DossierState.Accepted)
                .Select(d => d.ProductId).Distinct().ToListAsync(ct);
            MoreCandidates = picked.Count > PickerLimit;
            Candidates = picked.Take(PickerLimit)
                .Select(p => new CandidateRow(p.Id, p.Name, p.SubjectName, p.CommuneName, accepted.Contains(p.Id))).ToList();
            return;
        }

        var inRoundIds = inRound.ToList();
        var rows = await scope.Visible(db.Products).AsNoTracking()
            .Where(p => p.Status != Core.Registry.ProductStatus.Archived && !inRoundIds.Contains(p.Id))
            .Where(p => db.Dossiers.Any(d => d.ProductId == p.Id && d.Year == year && d.State == DossierState.Accepted))
            .Select(p => new { p.Id, p.Name, SubjectName = p.Subject!.Name, CommuneName = p.Commune!.Name })
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Take(PickerLimit + 1)
            .ToListAsync(ct);
        MoreCandidates = rows.Count > PickerLimit;
        Candidates = rows.Take(PickerLimit).Select(p => new CandidateRow(p.Id, p.Name, p.SubjectName, p.CommuneName, true)).ToList();
    }

    /// <summary>Loads the page; returns the refusal when the user may not see the round.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var round = await db.EvaluationRounds.AsNoTracking().Include(r => r.Unit).SingleOrDefaultAsync(r => r.Id == Id, ct);
        if (round is null)
        {
            return NotFound();
        }

        Round = round;
        UnitName = round.Unit?.Name ?? "";
        CanManage = RoundAccess.CanManage(scope.Role);
        var members = await db.CouncilMembers.AsNoTracking().Where(m => m.RoundId == Id).OrderBy(m => m.Position).ThenBy(m => m.Id)
            .Select(m => new
            {
                m.Id,
                m.FullName,
                m.Organisation,
                m.Position,
                m.UserId,
                UserName = db.Users.Where(u => u.Id == m.UserId).Select(u => u.UserName).FirstOrDefault(),
                Conflicts = m.Conflicts.Select(c => new ConflictRow(c.Subject!.Name, c.Relation, c.DeclaredAt)).ToList(),
            })
            .ToListAsync(ct);
        MyMemberId = members.FirstOrDefault(m => m.UserId == scope.UserId)?.Id;
        MyConflicts = MyMemberId is int me
            ? await db.ConflictDeclarations.AsNoTracking().Where(c => c.CouncilMemberId == me).Select(c => c.SubjectId).ToListAsync(ct)
            : [];
        if (!RoundAccess.SeesAll(scope.Role) && MyMemberId is null)
        {
            return Forbid();
        }

        Members = members.Select(m => new MemberRow(m.Id, m.FullName, m.Organisation, m.Position, m.UserName, m.Conflicts)).ToList();
        var processes = (await db.EvaluationProcesses.AsNoTracking().ToListAsync(ct)).Select(p => p.ToModel()).ToList();
        var process = EvaluationProcesses.ByCode(round.ProcessCode, processes);
        ProcessTitle = process?.Name ?? round.ProcessCode;
        ProcessWarning = process is null ? null : EvaluationProcesses.Check(process, round.OpensOn, processes: processes).Warning;
        BasisTitle = await db.LegalBases.AsNoTracking().Where(b => b.Code == round.LegalBasisCode).Select(b => b.Title).FirstOrDefaultAsync(ct) ?? round.LegalBasisCode;

        var myId = MyMemberId ?? -1;
        Products = await db.RoundProducts.AsNoTracking().Where(p => p.RoundId == Id).OrderBy(p => p.Id)
            .Select(p => new ProductRow(p.Id, p.ProductId, p.Product!.Name, p.Product.SubjectId, p.Product.Subject!.Name,
                p.Scoresheet!.ProductSetCode, p.Scoresheet.LegalBasisCode, p.Scoresheet.SheetVersion,
                p.DossierId,
                p.Sheets.Count(s => s.State == MemberSheetState.Submitted),
                p.Sheets.Count(s => s.State != MemberSheetState.Recused),
                p.Sheets.Count(s => s.State == MemberSheetState.Recused),
                p.Sheets.Where(s => s.CouncilMemberId == myId).Select(s => (MemberSheetState?)s.State).FirstOrDefault(),
                p.Star, p.ScoreHundredths))
            .ToListAsync(ct);

        if (CanManage && round.State == RoundState.Open)
        {
            var taken = members.Where(m => m.UserId != null).Select(m => m.UserId).ToList();
            var candidates = await users.Users.AsNoTracking().Where(u => !u.IsArchived && !taken.Contains(u.Id)
                    && (u.Role == Role.CouncilMember || u.Role == Role.ProgramOffice || u.Role == Role.Department || u.Role == Role.Leader || u.Role == Role.Administrator))
                .OrderBy(u => u.FullName).Select(u => new { u.Id, u.FullName, u.UserName, u.Organisation }).ToListAsync(ct);
            UserChoices = candidates.Select(u => new SelectListItem($"{u.FullName} ({u.UserName}{(u.Organisation is null ? "" : ", " + u.Organisation)})", u.Id)).ToList();
            await LoadCandidatesAsync(scope, round.OpensOn.Year, ct);
        }

        if (round.State == RoundState.Open && (CanManage || MyMemberId is not null))
        {
            // The subjects whose products are in the round: a conflict matters only for them (never a list of every subject).
            var subjects = await db.Subjects.AsNoTracking().Where(s => db.RoundProducts.Any(p => p.RoundId == Id && p.Product!.SubjectId == s.Id))
                .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
            SubjectChoices = subjects.Select(s => new SelectListItem(s.Name, s.Id.ToString(CultureInfo.InvariantCulture))).ToList();
            MemberChoices = Members.Where(m => CanManage || m.Id == MyMemberId)
                .Select(m => new SelectListItem(m.FullName, m.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        }

        return null;
    }
}
