using Microsoft.EntityFrameworkCore;

namespace Ocop.Web.Data;

/// <summary>
/// The migration default of dated facts (docs/planning.md, "Facts through time"): a subject recorded before facts had
/// dates gets the day its record was created as its registration date, and its current legal form, green value chain
/// and channels as one period from that date. Offices then enter the real registration date of records transcribed
/// from paper, and the changes they know of, on the subject form. Runs with the migrations (the <c>migrate</c> command
/// and the start-up migration) and finds nothing to do once done.
/// </summary>
public static class SubjectFactBackfill
{
    private const int Batch = 1000;

    public static async Task RunAsync(OcopDbContext db, CancellationToken ct = default)
    {
        while (true)
        {
            var subjects = await db.Subjects.Where(s => !db.Set<SubjectLegalFormPeriod>().Any(p => p.SubjectId == s.Id))
                .OrderBy(s => s.Id).Take(Batch).ToListAsync(ct);
            if (subjects.Count == 0)
            {
                return;
            }

            foreach (var subject in subjects)
            {
                if (subject.RegisteredOn == default)
                {
                    subject.RegisteredOn = DateOnly.FromDateTime(subject.CreatedAt.AddHours(7));
                }

                SubjectTimelines.Empty(db, subject).OpenFromColumns();
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
