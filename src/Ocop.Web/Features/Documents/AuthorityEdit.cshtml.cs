using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Units;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Documents;

/// <summary>
/// The issuing authority form: it shows the authority and its unit choices, and hands what was typed to
/// <see cref="SaveAuthority"/>, translating its result into a redirect, a refusal or form errors.
/// </summary>
[Authorize(Policy = Policies.EditReferenceData)]
public sealed class AuthorityEditModel(OcopDbContext db, UserScopeLoader scopes, SaveAuthority save) : PageModel
{
    /// <summary>The national choice of the unit list (no unit).</summary>
    public const string National = SaveAuthority.National;

    [FromRoute] public int? Id { get; set; }
    [FromQuery(Name = "unit")] public int? UnitQuery { get; set; }
    /// <summary>Checked by <see cref="SaveAuthority"/>, not by MVC: one set of messages, whoever sends the command.</summary>
    [BindProperty, ValidateNever] public SaveAuthority.Command Input { get; set; } = new();
    public List<SelectListItem> Units { get; private set; } = [];
    public string? UnitName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is int id)
        {
            var a = await db.IssuingAuthorities.AsNoTracking().Include(x => x.Unit).SingleOrDefaultAsync(x => x.Id == id, ct);
            if (a is null)
            {
                return NotFound();
            }

            Input = new SaveAuthority.Command
            {
                Unit = a.UnitId?.ToString(CultureInfo.InvariantCulture) ?? National,
                Name = a.Name,
                ShortName = a.ShortName,
                ParentLine = a.ParentLine,
                Letterhead = a.Letterhead,
                Place = a.Place,
                OnBehalfOf = a.OnBehalfOf,
                HeadTitle = a.HeadTitle,
                ValidFrom = a.ValidFrom,
                ValidTo = a.ValidTo,
                Note = a.Note,
                Version = a.Version,
            };
            UnitName = a.Unit is null ? "Trung ương" : UnitNames.Full(a.Unit.Name, a.Unit.Kind);
        }
        else if (UnitQuery is int unitId && await SaveAuthority.UnitRowAsync(db, unitId, ct) is { } unit)
        {
            // A new authority for a unit starts from what the unit's name gives.
            var derived = IssuerDirectory.Derived(unit);
            Input = new SaveAuthority.Command
            {
                Unit = unitId.ToString(CultureInfo.InvariantCulture),
                Name = derived.Name,
                ShortName = derived.ShortName,
                Letterhead = derived.Letterhead,
                Place = derived.Place,
                OnBehalfOf = derived.OnBehalfOf,
                HeadTitle = derived.HeadTitle,
                ValidFrom = derived.ValidFrom,
                ValidTo = derived.ValidTo,
            };
        }
        else
        {
            Input.HeadTitle = IssuerDirectory.CommitteeHeadTitle;
            Input.OnBehalfOf = IssuerDirectory.CommitteeOnBehalfOf;
        }

        await LoadUnitsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        if (Id is int id)
        {
            var shown = await db.IssuingAuthorities.AsNoTracking().Where(a => a.Id == id)
                .Select(a => new { Unit = a.Unit == null ? null : new { a.Unit.Name, a.Unit.Kind } }).SingleOrDefaultAsync(ct);
            if (shown is null)
            {
                return NotFound();
            }

            UnitName = shown.Unit is null ? "Trung ương" : UnitNames.Full(shown.Unit.Name, shown.Unit.Kind);
        }

        if (ModelState.IsValid)
        {
            Input.Id = Id;
            var result = await save.RunAsync(scope, Input, ct);
            switch (result.Outcome)
            {
                case WriteOutcome.Done:
                    TempData["Message"] = "Đã lưu cơ quan ban hành " + result.Value!.ShortName + ".";
                    return RedirectToPage("/Documents/Authorities");
                case WriteOutcome.NotFound:
                    return NotFound();
                case WriteOutcome.Refused:
                    return Forbid();
                default:
                    result.AddTo(ModelState, "Input.");
                    break;
            }
        }

        await LoadUnitsAsync(ct);
        return Page();
    }

    /// <summary>Provinces and districts, current ones first; an authority of a commune is not needed by any document yet.</summary>
    private async Task LoadUnitsAsync(CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.Level != UnitLevel.Commune)
            .Select(u => new { u.Id, u.Name, u.Kind, u.ValidTo, Parent = u.Parent != null ? u.Parent.Name : null }).ToListAsync(ct);
        var names = StringComparer.Create(Display.Vi, false);
        Units = [new SelectListItem("Trung ương (không gắn đơn vị hành chính)", National)];
        Units.AddRange(units.OrderBy(u => u.ValidTo is null ? 0 : 1).ThenBy(u => u.Parent ?? "", names).ThenBy(u => u.Name, names)
            .Select(u => new SelectListItem(
                UnitNames.Full(u.Name, u.Kind) + (u.Parent is null ? "" : $" ({u.Parent})") + (u.ValidTo is null ? "" : $", đến {Display.Date(u.ValidTo)}"),
                u.Id.ToString(CultureInfo.InvariantCulture))));
    }
}
