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
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Rounds;

/// <summary>
/// A round: its council (members, positions, declared conflicts) and its products, each fixed to the published
/// scoresheet of its product set. The office sets them up; members declare conflicts and open their sheets here.
/// </summary>
public sealed class DetailsModel(
    OcopDbContext db, UserScopeLoader scopes, UserManager<AppUser> users, Products.ProductListIndex productList,
    AddCouncilMember addMember, DeclareConflict declareConflict, AddRoundProduct addProduct) : PageModel
{
    [FromRoute] public int Id { get; set; }
    [BindProperty] public AddCouncilMember.Command Member { get; set; } = new();
    [BindProperty] public DeclareConflict.Command Conflict { get; set; } = new();
    [BindProperty] public AddRoundProduct.Command AddProduct { get; set; } = new();
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

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    /// <summary>The office seats a member (<see cref="AddCouncilMember"/>).</summary>
    public async Task<IActionResult> OnPostAddMemberAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        Member.RoundId = Id;
        var result = await addMember.RunAsync(await scopes.GetAsync(ct), Member, ct);
        return Translate(result, "Member.", added => $"Đã thêm {added.FullName} vào hội đồng.");
    }

    /// <summary>A declared conflict of interest (<see cref="DeclareConflict"/>): by the office for anyone, by a member for themselves.</summary>
    public async Task<IActionResult> OnPostConflictAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        Conflict.RoundId = Id;
        var result = await declareConflict.RunAsync(await scopes.GetAsync(ct), Conflict, ct);
        return Translate(result, "Conflict.", declared => $"Đã ghi nhận khai báo xung đột lợi ích của {declared.MemberName}: không chấm sản phẩm của chủ thể này.");
    }

    /// <summary>The office adds a product (<see cref="AddRoundProduct"/>).</summary>
    public async Task<IActionResult> OnPostAddProductAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        ModelState.Clear();
        AddProduct.RoundId = Id;
        var result = await addProduct.RunAsync(await scopes.GetAsync(ct), AddProduct, ct);
        return Translate(result, "AddProduct.",
            added => $"Đã thêm sản phẩm {added.ProductName} (phiếu chấm {added.SheetCode}, phiên bản {added.SheetVersion.ToString(CultureInfo.InvariantCulture)}).");
    }

    /// <summary>A use case's result as this page answers it: back to the round with a message, a refusal, or the form's errors.</summary>
    private IActionResult Translate<T>(WriteResult<T> result, string prefix, Func<T, string> message)
    {
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                TempData["Message"] = message(result.Value!);
                return RedirectToPage("Details", new { id = Id });
            case WriteOutcome.NotFound:
                return NotFound();
            case WriteOutcome.Refused:
                return Forbid();
            default:
                result.AddTo(ModelState, prefix);
                return Page();
        }
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
