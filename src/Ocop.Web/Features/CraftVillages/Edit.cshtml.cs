using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;

namespace Ocop.Web.Features.CraftVillages;

/// <summary>Creates or edits a craft village, with the days its recognition began and ended (a village counts for T5 only between them).</summary>
public sealed class EditModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    [BindProperty] public VillageInput Input { get; set; } = new();
    public List<SelectListItem> Communes { get; private set; } = [];
    /// <summary>A search for a commune outside the list (a wide reach is offered the deploying office's communes first).</summary>
    [BindProperty] public string? CommuneQuery { get; set; }
    public CommuneSearchBox CommuneSearch { get; private set; } = new(false, null);

    public sealed class VillageInput
    {
        [Required(ErrorMessage = "Nhập tên làng nghề."), StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string Name { get; set; } = "";
        [Required(ErrorMessage = "Chọn xã.")] public int? CommuneId { get; set; }
        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string? RecognitionDecision { get; set; }
        public bool IsTraditional { get; set; }
        public DateOnly? RecognisedOn { get; set; }
        public DateOnly? EndedOn { get; set; }
        [StringLength(1000, ErrorMessage = "Tối đa 1.000 ký tự.")] public string? Description { get; set; }
        public bool IsArchived { get; set; }
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!RegistryAccess.CanCreateSubject(scope.Role))
        {
            return Forbid();
        }

        if (Id is int id)
        {
            var v = await db.CraftVillages.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (v is null || !scope.CanRead(v.CommuneId))
            {
                return NotFound();
            }

            if (!scope.CanEdit(v.CommuneId))
            {
                return Forbid();
            }

            Input = new VillageInput
            {
                Name = v.Name,
                CommuneId = v.CommuneId,
                RecognitionDecision = v.RecognitionDecision,
                IsTraditional = v.IsTraditional,
                RecognisedOn = v.RecognisedOn,
                EndedOn = v.EndedOn,
                Description = v.Description,
                IsArchived = v.IsArchived,
                Version = v.Version,
            };
        }

        Communes = await Lookups.CommunesAsync(db, scope, Input.CommuneId, CommuneQuery, ct);
        CommuneSearch = new CommuneSearchBox(await Lookups.CommuneSearchNeededAsync(db, scope, ct), CommuneQuery);
        return Page();
    }

    /// <summary>"Tìm xã": the form comes back as typed, with the communes found offered; nothing is saved.</summary>
    public async Task<IActionResult> OnPostFindCommuneAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var scope = await scopes.GetAsync(ct);
        Communes = await Lookups.CommunesAsync(db, scope, Input.CommuneId, CommuneQuery, ct);
        CommuneSearch = new CommuneSearchBox(await Lookups.CommuneSearchNeededAsync(db, scope, ct), CommuneQuery);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (!RegistryAccess.CanCreateSubject(scope.Role))
        {
            return Forbid();
        }

        CraftVillage? village = null;
        if (Id is int id)
        {
            village = await db.CraftVillages.SingleOrDefaultAsync(x => x.Id == id, ct);
            if (village is null || !scope.CanRead(village.CommuneId))
            {
                return NotFound();
            }

            if (!scope.CanEdit(village.CommuneId))
            {
                return Forbid();
            }

            if (village.Version != Input.Version)
            {
                ModelState.AddModelError("", "Làng nghề vừa được người khác thay đổi. Tải lại trang rồi sửa lại.");
            }
        }

        if (Input.CommuneId is int commune && !scope.CanCreateIn(commune))
        {
            ModelState.AddModelError("Input.CommuneId", "Bạn không phụ trách xã này.");
        }
        else if (Input.CommuneId is int chosen && await Lookups.CommuneProblemAsync(db, chosen, village?.CommuneId, ct) is string problem)
        {
            ModelState.AddModelError("Input.CommuneId", problem);
        }

        if (Input.RecognisedOn > Ocop.Web.Shared.Display.Today(clock))
        {
            ModelState.AddModelError("Input.RecognisedOn", "Ngày công nhận không được sau hôm nay.");
        }

        if (Input.EndedOn is DateOnly ended && Input.RecognisedOn is DateOnly recognised && ended <= recognised)
        {
            ModelState.AddModelError("Input.EndedOn", "Ngày thôi công nhận phải sau ngày công nhận.");
        }

        if (!ModelState.IsValid)
        {
            Communes = await Lookups.CommunesAsync(db, scope, Input.CommuneId, CommuneQuery, ct);
            CommuneSearch = new CommuneSearchBox(await Lookups.CommuneSearchNeededAsync(db, scope, ct), CommuneQuery);
            return Page();
        }

        village ??= db.CraftVillages.Add(new CraftVillage { Name = "" }).Entity;
        village.Name = Input.Name.Trim();
        village.CommuneId = Input.CommuneId!.Value;
        village.RecognitionDecision = string.IsNullOrWhiteSpace(Input.RecognitionDecision) ? null : Input.RecognitionDecision.Trim();
        village.IsTraditional = Input.IsTraditional;
        village.RecognisedOn = Input.RecognisedOn;
        village.EndedOn = Input.EndedOn;
        village.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        village.IsArchived = Id is not null && Input.IsArchived;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "Đã lưu làng nghề.";
        return RedirectToPage("/CraftVillages/Index");
    }
}
