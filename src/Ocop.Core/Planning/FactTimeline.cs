using System.Globalization;

namespace Ocop.Core.Planning;

/// <summary>
/// When a fact held: from the day it became true (<see cref="StartedOn"/>) to the day it stopped (<see cref="EndedOn"/>,
/// the first day it no longer holds); an open period (no end) still holds.
/// </summary>
public readonly record struct FactPeriod(DateOnly StartedOn, DateOnly? EndedOn = null)
{
    public bool IsOpen => EndedOn is null;

    /// <summary>The fact holds on the date: on or after the day it began, before the day it stopped.</summary>
    public bool IsTrueOn(DateOnly date) => StartedOn <= date && (EndedOn is null || date < EndedOn.Value);
}

/// <summary>A value a fact had during a period: a legal form, a sales channel, a green value chain with its area.</summary>
public sealed record Dated<T>(T Value, FactPeriod Period) where T : notnull
{
    public bool IsTrueOn(DateOnly date) => Period.IsTrueOn(date);
}

/// <summary>A timeline after a change: the periods oldest first, or the reason the change was refused (Vietnamese, for the form).</summary>
public sealed record TimelineResult<T>(IReadOnlyList<Dated<T>> Periods, string? Problem) where T : notnull;

/// <summary>
/// The rules of one fact's history (a subject's legal form, one of its sales channels, its green value chain): periods
/// never overlap, and a change is recorded from the day it took effect without rewriting what came before. A change may
/// not be dated after today, before the subject was registered, or before the latest recorded change of the same fact
/// (the past stays as recorded). A change dated the very day the current period began corrects that period instead.
/// </summary>
public static class FactTimeline
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The value that held on the date, or null when none did.</summary>
    public static Dated<T>? On<T>(IEnumerable<Dated<T>> periods, DateOnly date) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(periods);
        return periods.FirstOrDefault(p => p.IsTrueOn(date));
    }

    /// <summary>From <paramref name="on"/> the fact holds with <paramref name="value"/> (a new legal form, a channel taken up, a green value chain begun or changed).</summary>
    public static TimelineResult<T> Begin<T>(IReadOnlyList<Dated<T>> periods, T value, DateOnly on, DateOnly registeredOn, DateOnly today) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(periods);
        var timeline = periods.OrderBy(p => p.Period.StartedOn).ToList();
        var last = timeline.Count == 0 ? null : timeline[^1];
        if (last is not null && last.Period.IsOpen && Equals(last.Value, value))
        {
            return new(timeline, null);
        }

        if (DateProblem(on, registeredOn, today) is string problem)
        {
            return new(timeline, problem);
        }

        if (last is null)
        {
            timeline.Add(new(value, new(on)));
            return new(timeline, null);
        }

        if (last.Period.IsOpen)
        {
            if (on < last.Period.StartedOn)
            {
                return new(timeline, BeforeLatest(last.Period.StartedOn));
            }

            timeline.RemoveAt(timeline.Count - 1);
            if (on > last.Period.StartedOn)
            {
                timeline.Add(last with { Period = last.Period with { EndedOn = on } });
                timeline.Add(new(value, new(on)));
                return new(timeline, null);
            }

            // The same day the current period began: a correction of it. When it gives back the value the period before
            // had up to that day, that period simply goes on.
            var previous = timeline.Count == 0 ? null : timeline[^1];
            if (previous is not null && previous.Period.EndedOn == on && Equals(previous.Value, value))
            {
                timeline[^1] = previous with { Period = previous.Period with { EndedOn = null } };
            }
            else
            {
                timeline.Add(new(value, new(on)));
            }

            return new(timeline, null);
        }

        var ended = last.Period.EndedOn!.Value;
        if (on < ended)
        {
            return new(timeline, BeforeLatest(ended));
        }

        if (on == ended && Equals(last.Value, value))
        {
            timeline[^1] = last with { Period = last.Period with { EndedOn = null } };
        }
        else
        {
            timeline.Add(new(value, new(on)));
        }

        return new(timeline, null);
    }

    /// <summary>From <paramref name="on"/> the fact no longer holds (a channel given up, a green value chain ended).</summary>
    public static TimelineResult<T> End<T>(IReadOnlyList<Dated<T>> periods, DateOnly on, DateOnly registeredOn, DateOnly today) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(periods);
        var timeline = periods.OrderBy(p => p.Period.StartedOn).ToList();
        var last = timeline.Count == 0 ? null : timeline[^1];
        if (last is null || !last.Period.IsOpen)
        {
            return new(timeline, null);
        }

        if (DateProblem(on, registeredOn, today) is string problem)
        {
            return new(timeline, problem);
        }

        if (on < last.Period.StartedOn)
        {
            return new(timeline, BeforeLatest(last.Period.StartedOn));
        }

        timeline.RemoveAt(timeline.Count - 1);
        // Ended the day it began: it never held a day, so nothing of it is kept.
        if (on > last.Period.StartedOn)
        {
            timeline.Add(last with { Period = last.Period with { EndedOn = on } });
        }

        return new(timeline, null);
    }

    /// <summary>
    /// A corrected registration date: the periods that began on the old date (the facts the subject was registered with)
    /// begin on the new one. Refused when the new date is after today, or not before the end of those periods, or after
    /// a later recorded change.
    /// </summary>
    public static TimelineResult<T> MoveStart<T>(IReadOnlyList<Dated<T>> periods, DateOnly oldStart, DateOnly newStart, DateOnly today) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(periods);
        var timeline = periods.OrderBy(p => p.Period.StartedOn).ToList();
        if (newStart > today)
        {
            return new(timeline, "Ngày đăng ký, thành lập không được sau hôm nay.");
        }

        var moved = new List<Dated<T>>();
        foreach (var p in timeline)
        {
            var starts = p.Period.StartedOn == oldStart;
            var limit = starts ? p.Period.EndedOn : p.Period.StartedOn;
            if (limit is DateOnly change && (starts ? newStart >= change : newStart > change))
            {
                return new(timeline, $"Ngày đăng ký, thành lập phải trước các thay đổi đã ghi nhận (thay đổi từ ngày {Date(change)}).");
            }

            moved.Add(starts ? p with { Period = p.Period with { StartedOn = newStart } } : p);
        }

        return new(moved, null);
    }

    private static string? DateProblem(DateOnly on, DateOnly registeredOn, DateOnly today) =>
        on > today ? "Ngày hiệu lực không được sau hôm nay."
        : on < registeredOn ? $"Ngày hiệu lực không được trước ngày đăng ký, thành lập ({Date(registeredOn)})."
        : null;

    private static string BeforeLatest(DateOnly latest) =>
        $"Đã ghi nhận thay đổi từ ngày {Date(latest)}: ngày hiệu lực phải từ ngày đó trở đi (lịch sử trước đó giữ nguyên).";

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Vi);
}
