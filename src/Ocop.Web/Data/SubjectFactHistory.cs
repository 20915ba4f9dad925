using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Ocop.Core.Planning;
using Ocop.Core.Registry;

namespace Ocop.Web.Data;

/// <summary>
/// One subject's dated facts as tracked rows (legal forms, green value chains, channels), changed by the rules of
/// <see cref="FactTimeline"/>: a change is recorded from the day it took effect and the past stays as it was. After a
/// change the subject's columns are set to the facts of today, so lists and exports that read them stay true.
/// </summary>
public sealed class SubjectTimelines
{
    /// <summary>Every single channel, each with its own timeline.</summary>
    public static readonly IReadOnlyList<SalesChannels> AllChannels = [.. Enum.GetValues<SalesChannels>().Where(c => c != SalesChannels.None)];

    private readonly OcopDbContext db;
    private readonly Subject subject;
    private readonly List<SubjectLegalFormPeriod> legalForms;
    private readonly List<SubjectGreenChainPeriod> greenChains;
    private readonly List<SubjectChannelPeriod> channels;

    private SubjectTimelines(OcopDbContext db, Subject subject, List<SubjectLegalFormPeriod> legalForms, List<SubjectGreenChainPeriod> greenChains, List<SubjectChannelPeriod> channels)
    {
        this.db = db;
        this.subject = subject;
        this.legalForms = legalForms;
        this.greenChains = greenChains;
        this.channels = channels;
    }

    public IReadOnlyList<Dated<LegalForm>> LegalForms => legalForms.OrderBy(p => p.StartedOn).Select(p => p.ToFact()).ToList();

    public IReadOnlyList<Dated<GreenChain>> GreenChains => greenChains.OrderBy(p => p.StartedOn).Select(p => p.ToFact()).ToList();

    public IReadOnlyList<Dated<SalesChannels>> Channels => channels.OrderBy(p => p.StartedOn).Select(p => p.ToFact()).ToList();

    /// <summary>The subject's periods, tracked for changes.</summary>
    public static async Task<SubjectTimelines> LoadAsync(OcopDbContext db, Subject subject, CancellationToken ct) => new(db, subject,
        await db.SubjectLegalForms.Where(p => p.SubjectId == subject.Id).OrderBy(p => p.StartedOn).ToListAsync(ct),
        await db.SubjectGreenChains.Where(p => p.SubjectId == subject.Id).OrderBy(p => p.StartedOn).ToListAsync(ct),
        await db.SubjectChannels.Where(p => p.SubjectId == subject.Id).OrderBy(p => p.StartedOn).ToListAsync(ct));

    /// <summary>A subject with no recorded periods yet (a new one, or one from before dated facts existed).</summary>
    public static SubjectTimelines Empty(OcopDbContext db, Subject subject) => new(db, subject, [], [], []);

    /// <summary>The subject's current columns become its facts from its registration date: what a new or migrated subject starts with.</summary>
    public void OpenFromColumns()
    {
        var since = subject.RegisteredOn;
        Sync(legalForms, new Dated<LegalForm>[] { new(subject.LegalForm, new(since)) }, ToRow);
        Sync(greenChains, subject.GreenValueChain ? new Dated<GreenChain>[] { new(new GreenChain(null, subject.RawMaterialEvidence), new(since)) } : [], ToRow);
        Sync(channels, Flags(subject.SalesChannels).Select(c => new Dated<SalesChannels>(c, new(since))).ToList(), ToRow);
    }

    /// <summary>
    /// Records that from <paramref name="on"/> the subject has this legal form, green value chain (null: none) and these
    /// channels. Nothing changes unless every fact's change is allowed; the refusals come back by the fact they concern
    /// ("LegalForm", "GreenValueChain", "SalesChannels"), in Vietnamese.
    /// </summary>
    public Dictionary<string, string> Record(LegalForm form, GreenChain? green, SalesChannels used, DateOnly on, DateOnly today)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var registered = subject.RegisteredOn;
        var newForms = Keep(problems, "LegalForm", FactTimeline.Begin(LegalForms, form, on, registered, today));
        var newGreens = Keep(problems, "GreenValueChain", green is null
            ? FactTimeline.End(GreenChains, on, registered, today)
            : FactTimeline.Begin(GreenChains, green, on, registered, today));
        var newChannels = new List<Dated<SalesChannels>>();
        foreach (var channel in AllChannels)
        {
            var timeline = Channels.Where(c => c.Value == channel).ToList();
            newChannels.AddRange(Keep(problems, "SalesChannels", used.HasFlag(channel)
                ? FactTimeline.Begin(timeline, channel, on, registered, today)
                : FactTimeline.End(timeline, on, registered, today)));
        }

        if (problems.Count == 0)
        {
            Sync(legalForms, newForms, ToRow);
            Sync(greenChains, newGreens, ToRow);
            foreach (var channel in AllChannels)
            {
                Sync(channels, newChannels.Where(c => c.Value == channel).ToList(), ToRow, p => p.Channel == channel);
            }

            SetColumnsOf(today);
        }

        return problems;
    }

    /// <summary>A corrected registration date: the facts registered with the subject begin on the new date. Returns the refusal, if any.</summary>
    public string? MoveRegistration(DateOnly registeredOn, DateOnly today)
    {
        var old = subject.RegisteredOn;
        if (old == registeredOn)
        {
            return null;
        }

        var forms = FactTimeline.MoveStart(LegalForms, old, registeredOn, today);
        var greens = FactTimeline.MoveStart(GreenChains, old, registeredOn, today);
        var used = FactTimeline.MoveStart(Channels, old, registeredOn, today);
        if ((forms.Problem ?? greens.Problem ?? used.Problem) is string problem)
        {
            return problem;
        }

        Sync(legalForms, forms.Periods, ToRow);
        Sync(greenChains, greens.Periods, ToRow);
        foreach (var channel in AllChannels)
        {
            Sync(channels, used.Periods.Where(c => c.Value == channel).ToList(), ToRow, p => p.Channel == channel);
        }

        subject.RegisteredOn = registeredOn;
        return null;
    }

    /// <summary>The columns read by lists and exports: the facts true today.</summary>
    private void SetColumnsOf(DateOnly today)
    {
        if (FactTimeline.On(LegalForms, today) is { } form)
        {
            subject.LegalForm = form.Value;
        }

        var green = FactTimeline.On(GreenChains, today);
        subject.GreenValueChain = green is not null;
        subject.RawMaterialEvidence = green?.Value.Evidence;
        subject.SalesChannels = Channels.Where(c => c.IsTrueOn(today)).Aggregate(SalesChannels.None, (all, c) => all | c.Value);
    }

    private static IReadOnlyList<Dated<T>> Keep<T>(Dictionary<string, string> problems, string field, TimelineResult<T> result) where T : notnull
    {
        if (result.Problem is string problem)
        {
            problems.TryAdd(field, problem);
        }

        return result.Periods;
    }

    /// <summary>
    /// Makes the rows (those <paramref name="belongs"/> picks, oldest first) hold the periods: a changed period is updated in
    /// place, a new one added, one no longer there removed. Timelines only change at their end, so rows pair up by position.
    /// </summary>
    private void Sync<TRow, T>(List<TRow> rows, IReadOnlyList<Dated<T>> periods, Action<TRow, Dated<T>> write, Func<TRow, bool>? belongs = null)
        where TRow : class, new() where T : notnull
    {
        var mine = rows.Where(r => belongs?.Invoke(r) ?? true).OrderBy(StartOf).ToList();
        for (var i = 0; i < Math.Max(mine.Count, periods.Count); i++)
        {
            if (i >= periods.Count)
            {
                db.Remove(mine[i]);
                rows.Remove(mine[i]);
            }
            else if (i >= mine.Count)
            {
                var row = new TRow();
                write(row, periods[i]);
                db.Add(row);
                rows.Add(row);
            }
            else if (!Equals(FactOf(mine[i]), periods[i]))
            {
                write(mine[i], periods[i]);
            }
            else
            {
                continue;
            }

            Touch();
        }
    }

    /// <summary>
    /// A change of the subject's facts is a change of the subject: its version moves, so two offices recording changes
    /// at once cannot both write from the same history (the second save meets the concurrency check).
    /// </summary>
    private void Touch()
    {
        var entry = db.Entry(subject);
        if (entry.State is EntityState.Unchanged or EntityState.Modified)
        {
            entry.Property(s => s.UpdatedAt).IsModified = true;
        }
    }

    private static object FactOf<TRow>(TRow row) => row switch
    {
        SubjectLegalFormPeriod p => p.ToFact(),
        SubjectGreenChainPeriod p => p.ToFact(),
        SubjectChannelPeriod p => p.ToFact(),
        _ => throw new ArgumentOutOfRangeException(nameof(row)),
    };

    private static DateOnly StartOf<TRow>(TRow row) => row switch
    {
        SubjectLegalFormPeriod p => p.StartedOn,
        SubjectGreenChainPeriod p => p.StartedOn,
        SubjectChannelPeriod p => p.StartedOn,
        _ => throw new ArgumentOutOfRangeException(nameof(row)),
    };

    // Rows are written only where a value differs, so an unchanged period is no audited change.
    private void ToRow(SubjectLegalFormPeriod row, Dated<LegalForm> period)
    {
        Link(row, (r, s) => r.Subject = s, r => r.SubjectId);
        (row.LegalForm, row.StartedOn, row.EndedOn) = (period.Value, period.Period.StartedOn, period.Period.EndedOn);
    }

    private void ToRow(SubjectGreenChainPeriod row, Dated<GreenChain> period)
    {
        Link(row, (r, s) => r.Subject = s, r => r.SubjectId);
        (row.RawMaterialAreaHa, row.Evidence, row.StartedOn, row.EndedOn) = (period.Value.RawMaterialAreaHa, period.Value.Evidence, period.Period.StartedOn, period.Period.EndedOn);
    }

    private void ToRow(SubjectChannelPeriod row, Dated<SalesChannels> period)
    {
        Link(row, (r, s) => r.Subject = s, r => r.SubjectId);
        (row.Channel, row.StartedOn, row.EndedOn) = (period.Value, period.Period.StartedOn, period.Period.EndedOn);
    }

    private void Link<TRow>(TRow row, Action<TRow, Subject> setSubject, Func<TRow, int> subjectId)
    {
        if (subjectId(row) == 0)
        {
            setSubject(row, subject);
        }
    }

    /// <summary>The single channels of a set.</summary>
    public static IEnumerable<SalesChannels> Flags(SalesChannels channels) => AllChannels.Where(c => channels.HasFlag(c));
}

/// <summary>
/// Keeps every saved subject's dated facts in step with its columns, whoever writes it (the form, the demo, an import):
/// a new subject without periods gets its columns as facts from its registration date (today when none is given); a
/// change of the columns without a dated change takes effect today.
/// </summary>
public static class SubjectFactHistory
{
    private static readonly string[] FactColumns = [nameof(Subject.LegalForm), nameof(Subject.GreenValueChain), nameof(Subject.RawMaterialEvidence), nameof(Subject.SalesChannels)];

    public static async Task KeepInStepAsync(OcopDbContext db, DateOnly today, CancellationToken ct)
    {
        var subjects = db.ChangeTracker.Entries<Subject>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        if (subjects.Count == 0)
        {
            return;
        }

        var dated = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity switch
            {
                SubjectLegalFormPeriod p => (p.Subject, p.SubjectId),
                SubjectGreenChainPeriod p => (p.Subject, p.SubjectId),
                SubjectChannelPeriod p => (p.Subject, p.SubjectId),
                _ => ((Subject?)null, 0),
            })
            .Where(x => x.Item1 is not null || x.Item2 != 0)
            .ToList();
        foreach (var entry in subjects)
        {
            var subject = entry.Entity;
            if (dated.Any(d => ReferenceEquals(d.Item1, subject) || (d.Item2 != 0 && d.Item2 == subject.Id)))
            {
                continue; // the writer recorded its dated change itself
            }

            if (entry.State == EntityState.Added)
            {
                if (subject.RegisteredOn == default)
                {
                    subject.RegisteredOn = today;
                }

                SubjectTimelines.Empty(db, subject).OpenFromColumns();
            }
            else if (FactColumns.Any(c => ChangedValue(entry.Property(c))))
            {
                var timelines = await SubjectTimelines.LoadAsync(db, subject, ct);
                var area = FactTimeline.On(timelines.GreenChains, today)?.Value.RawMaterialAreaHa;
                var problems = timelines.Record(subject.LegalForm, subject.GreenValueChain ? new GreenChain(area, subject.RawMaterialEvidence) : null,
                    subject.SalesChannels, today, today);
                if (problems.Count > 0)
                {
                    throw new InvalidOperationException($"Subject {subject.Id}: its facts of today cannot be recorded: {string.Join("; ", problems.Values)}");
                }
            }
        }
    }

    private static bool ChangedValue(PropertyEntry property) => property.IsModified && !Equals(property.OriginalValue, property.CurrentValue);
}
