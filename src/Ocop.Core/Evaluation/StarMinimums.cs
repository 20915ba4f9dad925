using System.Globalization;

namespace Ocop.Core.Evaluation;

/// <summary>
/// One star minimum read off a sheet: to rank at <paramref name="Star"/> or above, the product must reach
/// <paramref name="AtLeast"/> points on the criterion (a starred option), or score above zero on it
/// (a criterion starred as a whole, <paramref name="AboveZero"/>).
/// </summary>
/// <param name="OptionText">The starred option's text; null for a criterion starred as a whole.</param>
/// <param name="ChooseOneCase">Set when the criterion lies in one case of a "choose one" group (the case's code): it binds only members who chose that case.</param>
public sealed record StarMinimum(
    string CriterionCode,
    string CriterionText,
    string Location,
    int Star,
    Points AtLeast,
    bool AboveZero,
    string? OptionText,
    string? ChooseOneCase)
{
    public bool IsMetBy(Points points) => AboveZero ? points > Points.Zero : points >= AtLeast;

    /// <summary>"tối thiểu 2 điểm (“Có hợp đồng liên kết …”)" or "trên 0 điểm".</summary>
    public string Requirement => AboveZero
        ? "phải đạt trên 0 điểm"
        : $"tối thiểu {AtLeast.ToVietnamese()} điểm" + (OptionText is null ? string.Empty : $" (“{OptionText}”)");
}

/// <summary>The council's verdict on one star minimum.</summary>
/// <param name="MembersCounted">Submitted members the minimum applies to (for a choose-one case: those who chose it).</param>
/// <param name="MembersMeeting">Of those, how many reached it.</param>
/// <param name="MeanPoints">Their mean points on the criterion (unanswered counted as 0).</param>
public sealed record MinimumVerdict(StarMinimum Minimum, int MembersCounted, int MembersMeeting, MeanScore MeanPoints, bool Met)
{
    public string Description =>
        $"Tiêu chí {Minimum.CriterionCode} “{Minimum.CriterionText}” {Minimum.Requirement} để đạt {Minimum.Star.ToString(CultureInfo.InvariantCulture)} sao: " +
        $"{MembersMeeting.ToString(CultureInfo.InvariantCulture)}/{MembersCounted.ToString(CultureInfo.InvariantCulture)} thành viên chấm đạt, " +
        $"điểm trung bình {MeanPoints.ToVietnamese()}" + (Met ? " — đạt." : " — không đạt.");
}

/// <summary>Reads the star minimums off a sheet and decides them for a council.</summary>
public static class StarMinimums
{
    public static IReadOnlyList<StarMinimum> Of(Scoresheet sheet)
    {
        var minimums = new List<StarMinimum>();
        foreach (var part in sheet.Parts)
        {
            foreach (var group in part.Groups)
            {
                foreach (var criterion in group.Criteria)
                {
                    var chooseOne = group.ChooseOne ? criterion.Code : null;
                    Collect(part, group, criterion, chooseOne, minimums);
                }
            }
        }

        return minimums;
    }

    private static void Collect(ScoresheetPart part, CriteriaGroup group, Criterion criterion, string? chooseOne, List<StarMinimum> minimums)
    {
        var location = SheetLocation.Of(part, group, criterion);
        if (criterion.RequiredFromStar is int star)
        {
            minimums.Add(new StarMinimum(criterion.Code, criterion.Text, location, star, new Points(1), true, null, chooseOne));
        }

        foreach (var option in criterion.Options.Where(o => o.MinimumForStar is not null && o.Points is not null))
        {
            minimums.Add(new StarMinimum(criterion.Code, criterion.Text, location, option.MinimumForStar!.Value, option.Points!.Value, false, option.Text, chooseOne));
        }

        foreach (var sub in criterion.SubCriteria)
        {
            Collect(part, group, sub, chooseOne, minimums);
        }
    }

    /// <summary>
    /// Decides each minimum over the submitted sheets. A member who did not answer the criterion counts
    /// as not reaching it, except in a "choose one" group, where only members who chose that case count;
    /// a case nobody chose does not apply.
    /// </summary>
    public static IReadOnlyList<MinimumVerdict> Decide(
        IReadOnlyList<StarMinimum> minimums,
        IReadOnlyList<SheetScore> submitted,
        MinimumConsensus consensus)
    {
        var verdicts = new List<MinimumVerdict>();
        foreach (var minimum in minimums)
        {
            var counted = minimum.ChooseOneCase is string chosenCase
                ? submitted.Where(s => s.CriterionPoints.ContainsKey(chosenCase)).ToList()
                : submitted;
            if (counted.Count == 0)
            {
                continue;
            }

            var points = counted.Select(s => s.CriterionPoints.TryGetValue(minimum.CriterionCode, out var p) ? p : Points.Zero).ToList();
            var meeting = points.Count(minimum.IsMetBy);
            var mean = MeanScore.Of(points);
            var met = consensus switch
            {
                MinimumConsensus.Majority => meeting * 2 > counted.Count,
                MinimumConsensus.Unanimous => meeting == counted.Count,
                MinimumConsensus.Average => minimum.AboveZero ? mean.SumTenths > 0 : mean.IsAtLeast(minimum.AtLeast),
                _ => throw new ArgumentOutOfRangeException(nameof(consensus), consensus, null),
            };
            verdicts.Add(new MinimumVerdict(minimum, counted.Count, meeting, mean, met));
        }

        return verdicts;
    }
}
