using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Planning.Support;

/// <summary>
/// Records or corrects one support given: its source, policy, responsible office, the budget allocation it is charged to
/// (same year and source, never past what is left), amounts committed and paid, evidence files. Archived, never deleted;
/// every change goes into the audit trail.
/// </summary>
[RequestSizeLimit(Dossiers.DocumentStore.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = Dossiers.DocumentStore.RequestLimit)]
public sealed class EditModel(OcopDbContext db, UserScopeLoader scopes, Features.Support.SectionContext section, Dossiers.DocumentStore store, TimeProvider clock) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public SupportInput Input { get; set; } = new();
    public List<SelectListItem> Subjects { get; private set; } = [];
    public List<SelectListItem> Products { get; private set; } = [];
    public List<SelectListItem> Policies { get; private set; } = [];
    public List<SelectListItem> Offices { get; private set; } = [];
    public List<SelectListItem> Allocations { get; private set; } = [];
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    public Features.Support.SectionFilesView FilesView { get; private set; } = new([], "Hồ sơ, chứng từ minh chứng");

    public sealed class SupportInput
    {
        [Required(ErrorMessage = "Chọn chủ thể.")] public int? SubjectId { get; set; }
        public int? ProductId { get; set; }
        [Required(ErrorMessage = "Chọn loại hỗ trợ.")] public SupportKind? Kind { get; set; }
        [Required(ErrorMessage = "Nhập nội dung hỗ trợ."), StringLength(1000, ErrorMessage = "Tối đa 1.000 ký tự.")] public string Description { get; set; } = "";
        [Required(ErrorMessage = "Nhập ngày hỗ trợ.")] public DateOnly? On { get; set; }
        [Range(0, long.MaxValue, ErrorMessage = "Kinh phí không âm.")] public long? AmountVnd { get; set; }
        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string? Reference { get; set; }
        [Range(0, long.MaxValue, ErrorMessage = "Số đã chi không âm.")] public long? PaidVnd { get; set; }
        public Ocop.Core.Support.FundingSource? Source { get; set; }
        public int? PolicyId { get; set; }
        public int? OfficeId { get; set; }
        public int? BudgetAllocationId { get; set; }
        public bool IsArchived { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (PlanningAccess.ForSupportRecord(scope.Role, inScope: true) != RecordAccess.Edit)
        {
            return Forbid();
        }

        if (Id is int id)
        {
            var r = await db.SupportRecords.AsNoTracking().Where(x => x.Id == id).Select(x => new { Record = x, x.Subject!.CommuneId }).SingleOrDefaultAsync(ct);
            if (r is null || !InScope(scope, r.CommuneId))
            {
                return NotFound();
            }

            var x = r.Record;
            Input = new SupportInput
            {
                SubjectId = x.SubjectId, ProductId = x.ProductId, Kind = x.Kind, Description = x.Description, On = x.On, AmountVnd = x.AmountVnd,
                Reference = x.Reference, IsArchived = x.IsArchived, Version = x.Version, PaidVnd = x.PaidVnd, Source = x.Source, PolicyId = x.PolicyId,
                OfficeId = x.OfficeId, BudgetAllocationId = x.BudgetAllocationId,
            };
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (PlanningAccess.ForSupportRecord(scope.Role, inScope: true) != RecordAccess.Edit)
        {
            return Forbid();
        }

        SupportRecord? record = null;
        if (Id is int id)
        {
            record = await db.SupportRecords.SingleOrDefaultAsync(x => x.Id == id, ct);
            var commune = record is null ? 0 : await db.Subjects.Where(s => s.Id == record.SubjectId).Select(s => s.CommuneId).SingleAsync(ct);
            if (record is null || !InScope(scope, commune))
            {
                return NotFound();
            }

            if (record.Version != Input.Version)
            {
                ModelState.AddModelError("", "Hồ sơ vừa được người khác thay đổi. Tải lại trang rồi sửa lại.");
            }
        }

        if (Input.SubjectId is int subjectId)
        {
            var subject = await scope.Visible(db.Subjects).AsNoTracking().Where(s => s.Id == subjectId).Select(s => new { s.CommuneId }).SingleOrDefaultAsync(ct);
            if (subject is null || !InScope(scope, subject.CommuneId))
            {
                ModelState.AddModelError("Input.SubjectId", "Bạn không phụ trách chủ thể này.");
            }
            else if (Input.ProductId is int productId && !await db.Products.AnyAsync(p => p.Id == productId && p.SubjectId == subjectId, ct))
            {
                ModelState.AddModelError("Input.ProductId", "Sản phẩm không thuộc chủ thể đã chọn.");
            }
        }

        // Brand and trademark support is given to a product, and target T7 counts products.
        if (Input.Kind is SupportKind.Brand or SupportKind.Trademark && Input.ProductId is null)
        {
            ModelState.AddModelError("Input.ProductId", "Hỗ trợ thương hiệu, nhãn hiệu là cho một sản phẩm: chọn sản phẩm (chỉ tiêu T7 đếm sản phẩm).");
        }

        await ValidateSectionAsync(record, ct);
        if (!ModelState.IsValid)
        {
            await LoadAsync(scope, ct);
            return Page();
        }

        // Evidence files are checked and stored first; a refused file writes nothing, a failed save removes what was stored.
        var stored = new List<(IFormFile File, Dossiers.DocumentStore.Saved Saved)>();
        foreach (var file in Files)
        {
            var (saved, error) = await store.SaveAsync(file, ct);
            if (error is not null)
            {
                ModelState.AddModelError("Files", $"{Dossiers.DocumentStore.OriginalName(file.FileName)}: {error}");
                continue;
            }

            stored.Add((file, saved!));
        }

        if (!ModelState.IsValid)
        {
            stored.ForEach(s => store.Discard(s.Saved.StoredName));
            await LoadAsync(scope, ct);
            return Page();
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await SaveAsync(record, ct);
            if (stored.Count > 0)
            {
                db.SectionFiles.AddRange(stored.Select(s => new SectionFile
                {
                    OwnerType = nameof(SupportRecord), OwnerId = saving!.Id, StoredName = s.Saved.StoredName,
                    OriginalName = Dossiers.DocumentStore.OriginalName(s.File.FileName), ContentType = s.Saved.ContentType, SizeBytes = s.Saved.SizeBytes,
                    UploadedAt = clock.GetUtcNow().UtcDateTime,
                }));
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        catch
        {
            stored.ForEach(s => store.Discard(s.Saved.StoredName));
            throw;
        }

        TempData["Message"] = "Đã lưu hồ sơ hỗ trợ.";
        return Redirect("/Planning/Support");
    }

    private SupportRecord? saving;

    private async Task SaveAsync(SupportRecord? record, CancellationToken ct)
    {
        record ??= db.SupportRecords.Add(new SupportRecord { Description = "" }).Entity;
        saving = record;
        record.SubjectId = Input.SubjectId!.Value;
        record.ProductId = Input.ProductId;
        record.Kind = Input.Kind!.Value;
        record.Description = Input.Description.Trim();
        record.On = Input.On!.Value;
        record.AmountVnd = Input.AmountVnd;
        record.Reference = string.IsNullOrWhiteSpace(Input.Reference) ? null : Input.Reference.Trim();
        record.IsArchived = Id is not null && Input.IsArchived;
        record.PaidVnd = Input.PaidVnd;
        record.Source = Input.Source;
        record.PolicyId = Input.PolicyId;
        record.OfficeId = Input.OfficeId;
        record.BudgetAllocationId = Input.BudgetAllocationId;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Source, policy, office and budget: each refusal goes to its field.</summary>
    private async Task ValidateSectionAsync(SupportRecord? record, CancellationToken ct)
    {
        var scope = await section.ScopeAsync(ct);
        if (Input.PaidVnd > (Input.AmountVnd ?? 0))
        {
            ModelState.AddModelError("Input.PaidVnd", "Số đã chi không lớn hơn kinh phí hỗ trợ.");
        }

        if (Input.PolicyId is int policyId)
        {
            var policy = await db.SupportPolicies.AsNoTracking().Where(p => p.Id == policyId).Select(p => new { p.Kind, p.IsArchived }).SingleOrDefaultAsync(ct);
            if (policy is null || (policy.IsArchived && record?.PolicyId != policyId))
            {
                ModelState.AddModelError("Input.PolicyId", "Chính sách không có hoặc đã lưu trữ.");
            }
        }

        if (Input.OfficeId is int office && await section.OfficeProblemAsync(office, ct) is string officeProblem)
        {
            ModelState.AddModelError("Input.OfficeId", officeProblem);
        }

        if (Input.BudgetAllocationId is int allocationId)
        {
            var allocation = await db.BudgetAllocations.AsNoTracking().SingleOrDefaultAsync(a => a.Id == allocationId, ct);
            if (allocation is null || Features.Support.BudgetFigures.AccessTo(scope, allocation.UnitId, allocation.CommuneId, allocation.AllocatedByOfficeId) == RecordAccess.None)
            {
                ModelState.AddModelError("Input.BudgetAllocationId", "Dự toán không có hoặc bạn không phụ trách.");
            }
            else if (Input.On is DateOnly on)
            {
                var others = await db.SupportRecords.AsNoTracking().Where(r => r.BudgetAllocationId == allocationId && r.Id != (Id ?? 0))
                    .Select(r => new Ocop.Core.Support.SpendingFact(r.Id, r.On, r.Source, r.AmountVnd ?? 0, r.PaidVnd ?? 0, r.OfficeId, 0, r.SubjectId, r.BudgetAllocationId, r.IsArchived))
                    .ToListAsync(ct);
                var unchanged = record is not null && record.BudgetAllocationId == allocationId && record.IsArchived == Input.IsArchived && Input.IsArchived;
                if (!unchanged && Ocop.Core.Support.BudgetSums.ChargeProblem(allocation.ToFact(), on, Input.Source, Input.AmountVnd ?? 0, others) is string problem)
                {
                    ModelState.AddModelError("Input.BudgetAllocationId", problem);
                }
            }
        }
    }

    private static bool InScope(UserScope scope, int communeId) =>
        PlanningAccess.ForSupportRecord(scope.Role, scope.ReachesEveryUnit || scope.CommuneIds.Contains(communeId)) == RecordAccess.Edit;

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        var subjects = await scope.Visible(db.Subjects).AsNoTracking().Where(s => !s.IsArchived || s.Id == Input.SubjectId)
            .OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, Commune = s.Commune!.Name }).Take(500).ToListAsync(ct);
        Subjects = subjects.Select(s => new SelectListItem($"{s.Name} ({s.Commune})", PlanDisplay.Id(s.Id), s.Id == Input.SubjectId)).ToList();
        var products = await scope.Visible(db.Products).AsNoTracking()
            .Where(p => Input.SubjectId == null || p.SubjectId == Input.SubjectId)
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, Subject = p.Subject!.Name }).Take(500).ToListAsync(ct);
        Products = products.Select(p => new SelectListItem($"{p.Name} ({p.Subject})", PlanDisplay.Id(p.Id), p.Id == Input.ProductId)).ToList();
        Policies = (await db.SupportPolicies.AsNoTracking().Where(p => !p.IsArchived || p.Id == Input.PolicyId).OrderBy(p => p.Name)
                .Select(p => new { p.Id, p.Name, p.LegalBasis }).ToListAsync(ct))
            .Select(p => new SelectListItem($"{p.Name} ({p.LegalBasis})", PlanDisplay.Id(p.Id), p.Id == Input.PolicyId)).ToList();
        Offices = await section.OfficeOptionsAsync(Input.OfficeId, ct);
        var allocations = await Features.Support.BudgetFigures.AllocationsAsync(section, new Features.Support.RegisterFilter(null, Archived: false), null, ct);
        Allocations = allocations
            .Select(a => new SelectListItem($"{a.Year} – {Ocop.Web.Shared.Display.Name(a.Source)} – {a.OfficeName ?? a.CommuneName ?? a.UnitName}: còn {Ocop.Web.Shared.Display.Number(a.AmountVnd - a.CommittedVnd)} / {Ocop.Web.Shared.Display.Number(a.AmountVnd)} đồng",
                PlanDisplay.Id(a.Id), a.Id == Input.BudgetAllocationId)).ToList();
        var attached = Id is int id
            ? await db.SectionFiles.AsNoTracking().Where(f => f.OwnerType == nameof(SupportRecord) && f.OwnerId == id && !f.IsArchived).OrderBy(f => f.Id).ToListAsync(ct)
            : [];
        FilesView = new Features.Support.SectionFilesView(attached, "Hồ sơ, chứng từ minh chứng");
    }
}
