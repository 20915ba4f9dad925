using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Ocop.Core.Planning;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Cycle;

/// <summary>One commune's row of the board: open entries at each step, and those returned, dropped or completed.</summary>
public sealed record CycleCommuneRow(int CommuneId, string CommuneName, IReadOnlyList<int> ActiveByStep, int Returned, int Dropped, int Completed)
{
    public int Total => ActiveByStep.Sum() + Returned + Dropped + Completed;
}

/// <summary>An open entry and how long it has waited in its step.</summary>
public sealed record CycleWaitingEntry(int Id, string IdeaName, string ProposerName, string CommuneName, CycleStep Step, CycleState State, int DaysInStep)
{
    public bool IsStuck => CycleRules.IsStuck(State, DaysInStep);
}

/// <summary>
/// A year of the OCOP cycle for a set of entries: counts per step per commune and the entries waiting longest. The board
/// shows it, and the periodic report's "cycle progress" section reads it within the report's unit and the user's reach.
/// </summary>
public sealed record CycleSummary(int Year, DateOnly On, IReadOnlyList<CycleCommuneRow> Communes, IReadOnlyList<CycleWaitingEntry> Waiting, int Stuck)
{
    public const int WaitingShown = 15;

    public static readonly IReadOnlyList<CycleStep> Steps = Enum.GetValues<CycleStep>();

    public int Total => Communes.Sum(c => c.Total);

    public int ActiveAt(CycleStep step) => Communes.Sum(c => c.ActiveByStep[(int)step - 1]);

    public int Returned => Communes.Sum(c => c.Returned);

    public int Dropped => Communes.Sum(c => c.Dropped);

    public int Completed => Communes.Sum(c => c.Completed);

    /// <summary>The cycle of a year in an administrative unit (a commune, or every commune of a district or province).</summary>
    public static async Task<CycleSummary> ForUnitAsync(OcopDbContext db, int year, int unitId, DateOnly today, CancellationToken ct = default)
    {
        // The unit's communes and the former ones merged into them.
        var communes = (await db.GetService<UnitDirectory>().GetAsync(db, ct)).CommunesCovered([unitId]).ToList();
        return await ForAsync(db.CycleEntries.Where(e => communes.Contains(e.CommuneId)), year, today, ct);
    }

    public static async Task<CycleSummary> ForAsync(IQueryable<CycleEntry> entries, int year, DateOnly today, CancellationToken ct = default)
    {
        var rows = await entries.AsNoTracking().Where(e => e.Year == year)
            .Select(e => new EntryRow(e.Id, e.IdeaName, e.ProposerName, e.CommuneId, e.Commune!.Name, e.Step, e.State, e.StepEnteredAt))
            .ToListAsync(ct);
        return Summarise(year, today, rows);
    }

    /// <summary>
    /// The cycle of a year as it stood at the end of a past day (a periodic report's last day), rebuilt from the entries'
    /// moves: an entry counts at the step and state of its last move by then; an entry first recorded later is left out.
    /// </summary>
    public static async Task<CycleSummary> AsOfAsync(IQueryable<CycleEntry> entries, int year, DateOnly on, CancellationToken ct = default)
    {
        var end = on.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-7);
        var ofYear = entries.AsNoTracking().Where(e => e.Year == year);
        var current = await ofYear.Select(e => new { e.Id, e.IdeaName, e.ProposerName, e.CommuneId, CommuneName = e.Commune!.Name }).ToListAsync(ct);
        var moves = (await ofYear.SelectMany(e => e.Events).Where(v => v.At < end)
                .Select(v => new { v.EntryId, v.Id, v.ToStep, v.ToState, v.At }).ToListAsync(ct))
            .GroupBy(v => v.EntryId).ToDictionary(g => g.Key, g => g.OrderBy(v => v.At).ThenBy(v => v.Id).Last());
        var rows = current.Where(e => moves.ContainsKey(e.Id))
            .Select(e => new EntryRow(e.Id, e.IdeaName, e.ProposerName, e.CommuneId, e.CommuneName, moves[e.Id].ToStep, moves[e.Id].ToState, moves[e.Id].At))
            .ToList();
        return Summarise(year, on, rows);
    }

    private sealed record EntryRow(int Id, string IdeaName, string ProposerName, int CommuneId, string CommuneName, CycleStep Step, CycleState State, DateTime StepEnteredAt);

    private static CycleSummary Summarise(int year, DateOnly today, List<EntryRow> rows)
    {
        var communes = rows.GroupBy(r => (r.CommuneId, r.CommuneName))
            .OrderBy(g => g.Key.CommuneName, StringComparer.Create(Ocop.Web.Shared.Display.Vi, false))
            .Select(g => new CycleCommuneRow(g.Key.CommuneId, g.Key.CommuneName,
                Steps.Select(s => g.Count(r => r.State == CycleState.Active && r.Step == s)).ToList(),
                g.Count(r => r.State == CycleState.Returned), g.Count(r => r.State == CycleState.Dropped), g.Count(r => r.State == CycleState.Completed)))
            .ToList();
        var waiting = rows.Where(r => CycleRules.IsOpen(r.State))
            .Select(r => new CycleWaitingEntry(r.Id, r.IdeaName, r.ProposerName, r.CommuneName, r.Step, r.State,
                CycleRules.DaysInStep(DateOnly.FromDateTime(r.StepEnteredAt.AddHours(7)), today)))
            .OrderByDescending(w => w.DaysInStep).ThenBy(w => w.Id)
            .ToList();
        // Stuck counts every open entry, not only the longest-waiting ones shown.
        return new CycleSummary(year, today, communes, [.. waiting.Take(WaitingShown)], waiting.Count(w => w.IsStuck));
    }
}

/// <summary>Which cycle entries a user reaches: the communes of their units, a producer their own subject's ideas.</summary>
public static class CycleScope
{
    public static IQueryable<CycleEntry> Visible(this UserScope scope, IQueryable<CycleEntry> entries) => scope.Role switch
    {
        _ when scope.ReachesEveryUnit => entries,
        Core.Access.Role.Producer => entries.Where(e => e.SubjectId != null && e.SubjectId == scope.SubjectId),
        _ => entries.Where(e => scope.CommuneIds.Contains(e.CommuneId)),
    };
}
