using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Subjects;

/// <summary>
/// The subject form: it shows the subject and its choices, and hands what was typed to <see cref="SaveSubject"/> — the
/// one write path the API and the importer use too — translating its result into a redirect, a refusal or form errors.
/// </summary>
public sealed class EditModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock, SaveSubject save) : PageModel
{
    [FromRoute] public int? Id { get; set; }
    /// <summary>Checked by <see cref="SaveSubject"/>, not by MVC: one set of messages, whoever sends the command.</summary>
    [BindProperty, ValidateNever] public SaveSubject.Command Input { get; set; } = new();

    public List<SelectListItem> Communes { get; private set; } = [];
    /// <summary>A search for a commune outside the list (a wide reach is offered the deploying office's communes first).</summary>
    [BindProperty] public string? CommuneQuery { get; set; }
    public CommuneSearchBox CommuneSearch { get; private set; } = new(false, null);
    public List<SelectListItem> Forms { get; private set; } = [];
    public List<SelectListItem> Villages { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Today = Display.Today(clock);
        if (Id is int id)
        {
            var s = await scope.Visible(db.Subjects).AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (s is null)
            {
                return NotFound();
            }

            if (!scope.CanEdit(s.CommuneId, s.Id) || s.IsArchived)
            {
                return Forbid();
            }

            Input = new SaveSubject.Command
            {
                Name = s.Name,
                LegalForm = s.LegalForm,
                RegistrationNumber = s.RegistrationNumber,
                TaxCode = s.TaxCode,
                CommuneId = s.CommuneId,
                Address = s.Address,
                Representative = s.Representative,
                Phone = s.Phone,
                Email = s.Email,
                WomenLed = s.WomenLed,
                EthnicMinorityLed = s.EthnicMinorityLed,
                WorkersTotal = s.WorkersTotal,
                WorkersLocal = s.WorkersLocal,
                WorkersTrained = s.WorkersTrained,
                CraftVillageId = s.CraftVillageId,
                GreenValueChain = s.GreenValueChain,
                RawMaterialEvidence = s.RawMaterialEvidence,
                RawMaterialAreaHa = await db.SubjectGreenChains.Where(p => p.SubjectId == id && p.EndedOn == null).Select(p => p.RawMaterialAreaHa).FirstOrDefaultAsync(ct),
                SalesChannels = Display.Values<SalesChannels>().Where(c => s.SalesChannels.HasFlag(c)).ToList(),
                RegisteredOn = s.RegisteredOn,
                EffectiveOn = Today,
                Version = s.Version,
            };
        }
        else if (!RegistryAccess.CanCreateSubject(scope.Role))
        {
            return Forbid();
        }
        else
        {
            Input.RegisteredOn = Today;
        }

        await LoadChoicesAsync(scope, ct);
        return Page();
    }

    /// <summary>"Tìm xã": the form comes back as typed, with the communes found offered; nothing is saved.</summary>
    public async Task<IActionResult> OnPostFindCommuneAsync(CancellationToken ct)
    {
        ModelState.Clear();
        await LoadChoicesAsync(await scopes.GetAsync(ct), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Today = Display.Today(clock);
        // A value that could not even be read (a date, a number) is shown as typed with its message.
        // A record that does not exist (or that the user may not see) is not found, whatever the form held.
        if (Id is int id && !await scope.Visible(db.Subjects).AnyAsync(x => x.Id == id, ct))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            Input.Id = Id;
            var result = await save.RunAsync(scope, Input, ct: ct);
            switch (result.Outcome)
            {
                case WriteOutcome.Done:
                    TempData["Message"] = Id is null ? "Đã thêm chủ thể." : "Đã lưu thay đổi.";
                    return RedirectToPage("Details", new { id = result.Value!.Id });
                case WriteOutcome.NotFound:
                    return NotFound();
                case WriteOutcome.Refused:
                    return Forbid();
                default:
                    result.AddTo(ModelState, "Input.");
                    break;
            }
        }

        await LoadChoicesAsync(scope, ct);
        return Page();
    }

    private async Task LoadChoicesAsync(UserScope scope, CancellationToken ct)
    {
        Communes = await Lookups.CommunesAsync(db, scope, Input.CommuneId, CommuneQuery, ct);
        CommuneSearch = new CommuneSearchBox(await Lookups.CommuneSearchNeededAsync(db, scope, ct), CommuneQuery);
        Forms = Lookups.Enum(Input.LegalForm);
        var villages = await db.CraftVillages.AsNoTracking().Where(v => !v.IsArchived).OrderBy(v => v.Name)
            .Select(v => new { v.Id, v.Name, Commune = v.Commune!.Name }).ToListAsync(ct);
        Villages = villages.Select(v => new SelectListItem($"{v.Name} ({v.Commune})", v.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), v.Id == Input.CraftVillageId)).ToList();
    }
}
