using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning.Support;

/// <summary>
/// Records or corrects one support given: its source, policy, responsible office, the budget allocation it is charged to
/// (same year and source, never past what is left), amounts committed and paid, evidence files. Archived, never deleted;
/// every change goes into the audit trail.
/// </summary>
[RequestSizeLimit(Dossiers.DocumentStore.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = Dossiers.DocumentStore.RequestLimit)]
public sealed class EditModel(OcopDbContext db, UserScopeLoader scopes, Features.Support.SectionContext section, SaveSupportRecord save) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    /// <summary>Checked by <see cref="SaveSupportRecord"/>, not by MVC: one set of messages, whoever sends the command.</summary>
    [BindProperty, ValidateNever] public SaveSupportRecord.Command Input { get; set; } = new();
    public List<SelectListItem> Subjects { get; private set; } = [];
    public List<SelectListItem> Products { get; private set; } = [];
    public List<SelectListItem> Policies { get; private set; } = [];
    public List<SelectListItem> Offices { get; private set; } = [];
    public List<SelectListItem> Allocations { get; private set; } = [];
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    public Features.Support.SectionFilesView FilesView { get; private set; } = new([], "Hồ sơ, chứng từ minh chứng");

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

            Input = SaveSupportRecord.From(r.Record);
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

        if (ModelState.IsValid)
        {
            Input.Id = Id;
            var result = await save.RunAsync(scope, Input, Files, ct: ct);
            switch (result.Outcome)
            {
                case WriteOutcome.Done:
                    TempData["Message"] = "Đã lưu hồ sơ hỗ trợ.";
                    return RedirectToPage("Index");
                case WriteOutcome.NotFound:
                    return NotFound();
                case WriteOutcome.Refused:
                    return Forbid();
                default:
                    // Evidence files are the form's own input, beside the command's fields.
                    foreach (var message in result.Errors.GetValueOrDefault(SaveSupportRecord.FilesField, []))
                    {
                        ModelState.AddModelError(SaveSupportRecord.FilesField, message);
                    }

                    (result with { Errors = result.Errors.Where(e => e.Key != SaveSupportRecord.FilesField).ToDictionary() }).AddTo(ModelState, "Input.");
                    break;
            }
        }

        await LoadAsync(scope, ct);
        return Page();
    }

    private static bool InScope(UserScope scope, int communeId) => SaveSupportRecord.MayRecord(scope, communeId);

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
