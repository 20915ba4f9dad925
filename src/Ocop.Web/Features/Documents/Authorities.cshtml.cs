using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Web.Data;

namespace Ocop.Web.Features.Documents;

/// <summary>
/// Issuing authorities and their signatories, each valid over a period: what letterheads, places and signature blocks
/// documents print on a date. Administrators and the program office keep them; every change is in the audit trail.
/// </summary>
[Authorize(Policy = Policies.EditReferenceData)]
public sealed class AuthoritiesModel(OcopDbContext db) : PageModel
{
    public List<Row> Rows { get; private set; } = [];

    public sealed record Row(IssuingAuthority Authority, string? UnitName, List<Signatory> Signatories);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var authorities = await db.IssuingAuthorities.AsNoTracking().Include(a => a.Unit).Include(a => a.Signatories).ToListAsync(ct);
        Rows = authorities
            .OrderBy(a => a.UnitId is null ? 0 : 1).ThenBy(a => a.ValidTo is null ? 0 : 1).ThenBy(a => a.ShortName, StringComparer.Create(Ocop.Web.Shared.Display.Vi, false))
            .ThenByDescending(a => a.ValidFrom)
            .Select(a => new Row(a, a.Unit is null ? null : Ocop.Core.Units.UnitNames.Full(a.Unit.Name, a.Unit.Kind),
                a.Signatories.OrderByDescending(s => s.ValidTo is null).ThenByDescending(s => s.ValidFrom).ThenBy(s => s.IsDeputy).ThenBy(s => s.FullName, StringComparer.Ordinal).ToList()))
            .ToList();
    }
}
