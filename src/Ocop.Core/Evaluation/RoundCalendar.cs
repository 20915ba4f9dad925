using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Ocop.Core.Evaluation;

/// <summary>Where a fixed round of the year stands against its deadline.</summary>
public enum DeadlineState
{
    [Display(Name = "Chưa đến hạn")] Upcoming = 1,
    [Display(Name = "Sắp đến hạn")] DueSoon = 2,
    [Display(Name = "Đã xong đúng hạn")] Done = 3,
    [Display(Name = "Đã xong nhưng trễ hạn")] DoneLate = 4,
    [Display(Name = "Trễ hạn")] Late = 5,
}

/// <summary>A round an office held (or holds), as the calendar matches it to a fixed round.</summary>
/// <param name="ClosedOn">The day the chair closed it; null while open.</param>
public sealed record HeldRound(int Id, string Name, DateOnly OpensOn, DateOnly ClosesOn, DateOnly? ClosedOn);

/// <summary>A fixed round of the year with the rounds held for it and its state on the day.</summary>
public sealed record ScheduledRound(RoundWindow Window, DeadlineState State, IReadOnlyList<HeldRound> Held, string Description);

/// <summary>
/// The rounds a process fixes for a level and a year (26/2026: the province by 30/6 and 30/12, the centre by 30/9 and
/// 30/3), each matched with the rounds held for it: a held round belongs to the first fixed round whose deadline its
/// planned closing day does not pass. A fixed round is done when one of its rounds closed by the deadline, late when
/// the deadline passed without that, due soon within <c>dueSoonDays</c> of it.
/// </summary>
public static class RoundCalendar
{
    public static IReadOnlyList<ScheduledRound> For(EvaluationProcess process, EvaluationLevel level, int year, IEnumerable<HeldRound> held,
        DateOnly today, int dueSoonDays = 30)
    {
        ArgumentNullException.ThrowIfNull(process);
        var windows = process.RoundsIn(level, year).Where(w => w.EndsBy >= process.EffectiveFrom).OrderBy(w => w.EndsBy).ToList();
        var rounds = held.OrderBy(r => r.ClosesOn).ToList();
        var result = new List<ScheduledRound>();
        var after = new DateOnly(year, 1, 1).AddDays(-1);
        foreach (var window in windows)
        {
            var mine = rounds.Where(r => r.ClosesOn > after && r.ClosesOn <= window.EndsBy).ToList();
            after = window.EndsBy;
            var closedInTime = mine.Any(r => r.ClosedOn is DateOnly closed && closed <= window.EndsBy);
            var closedLate = mine.Any(r => r.ClosedOn is DateOnly closed && closed > window.EndsBy);
            var state = closedInTime ? DeadlineState.Done
                : closedLate ? DeadlineState.DoneLate
                : today > window.EndsBy ? DeadlineState.Late
                : window.EndsBy.DayNumber - today.DayNumber <= dueSoonDays ? DeadlineState.DueSoon
                : DeadlineState.Upcoming;
            var text = $"Đợt {window.Round.ToString(CultureInfo.InvariantCulture)}: hồ sơ đề xuất trước ngày {Date(window.ProposalsBefore)}, " +
                       $"hoàn thành chậm nhất ngày {Date(window.EndsBy)}" +
                       (mine.Count == 0 ? "; chưa tổ chức đợt đánh giá nào." : ".");
            result.Add(new ScheduledRound(window, state, mine, text));
        }

        return result;
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
