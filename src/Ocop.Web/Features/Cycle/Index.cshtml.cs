using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Cycle;

/// <summary>The board of a year's OCOP cycle: steps as columns, a row per commune, and the entries waiting longest.</summary>
public sealed class IndexModel(OcopDbContext db, UserScopeLoader scopes, TimeProvider clock) : PageModel
{
    [FromQuery] public int? Year { get; set; }

    public CycleSummary Summary { get; private set; } = null!;
    public List<int> Years { get; private set; } = [];
    public bool CanCreate { get; private set; }
    public List<EntryRow> Entries { get; private set; } = [];

    public sealed record EntryRow(int Id, string IdeaName, string ProposerName, string CommuneName, CycleStep Step, CycleState State, DateTime StepEnteredAt);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var today = Display.Today(clock);
        var year = Year ?? today.Year;
        Year = year;
        var visible = scope.Visible(db.CycleEntries);
        Years = (await visible.Select(e => e.Year).Distinct().ToListAsync(ct)).Append(today.Year).Append(year).Distinct().OrderDescending().ToList();
        Summary = await CycleSummary.ForAsync(visible, year, today, ct);
        CanCreate = CycleRules.CanCreate(scope.Role);
        Entries = await visible.AsNoTracking().Where(e => e.Year == year)
            .OrderBy(e => e.Commune!.Name).ThenBy(e => e.Step).ThenBy(e => e.IdeaName)
            .Take(1000)
            .Select(e => new EntryRow(e.Id, e.IdeaName, e.ProposerName, e.Commune!.Name, e.Step, e.State, e.StepEnteredAt))
            .ToListAsync(ct);
    }
}
