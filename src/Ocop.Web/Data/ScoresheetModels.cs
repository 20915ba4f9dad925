using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Evaluation;

namespace Ocop.Web.Data;

/// <summary>
/// Parsed scoresheets, per stored record and its version: every save of a member's sheet is scored against the same
/// sheet, and reading and parsing its 30 KB of JSON each time cost more than the save itself (the round's results and
/// closing read each distinct sheet once per request and do without it). Any
/// change to a record bumps its version, so an entry can never be stale; a published sheet never changes at all.
/// </summary>
public sealed class ScoresheetModels
{
    private readonly ConcurrentDictionary<(int Id, int Version), Scoresheet> parsed = new();

    public async Task<Scoresheet> GetAsync(OcopDbContext db, int scoresheetId, int recordVersion, CancellationToken ct)
    {
        if (parsed.TryGetValue((scoresheetId, recordVersion), out var sheet))
        {
            return sheet;
        }

        var record = await db.Scoresheets.AsNoTracking().SingleAsync(s => s.Id == scoresheetId, ct);
        sheet = record.ToModel();
        parsed[(record.Id, record.Version)] = sheet;
        return sheet;
    }
}
