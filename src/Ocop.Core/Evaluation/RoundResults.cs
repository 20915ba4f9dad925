using System.Globalization;

namespace Ocop.Core.Evaluation;

/// <summary>A part's council average next to its maximum.</summary>
public sealed record PartMean(string Code, MeanScore Score, Points Max);

/// <summary>One submitted member's totals, as averaged (for the minutes and the consistency check).</summary>
public sealed record MemberTotal(int MemberId, string MemberName, Points Total, IReadOnlyList<PartPoints> Parts, bool Complete);

/// <summary>
/// A product's result in a round: the mean of the submitted members' totals (recused members never count)
/// and per part, the star those earn, and the star after the star minimums, with the criteria that capped it.
/// </summary>
/// <param name="Total">Null until at least one sheet is submitted.</param>
/// <param name="StarByScore">The band the mean falls in, before the minimums.</param>
/// <param name="Star">The star after the minimums: what the product is ranked.</param>
/// <param name="Minimums">The council's verdict on every star minimum that applies.</param>
/// <param name="Caps">Missed minimums at or below <paramref name="StarByScore"/>: the criteria that lowered the star.</param>
/// <param name="Pending">Members neither recused nor submitted yet: the result is provisional while any remain.</param>
public sealed record ProductResult(
    int Submitted,
    int Recused,
    int Pending,
    MeanScore? Total,
    IReadOnlyList<PartMean> Parts,
    IReadOnlyList<MemberTotal> Members,
    int? StarByScore,
    int? Star,
    bool Recognised,
    IReadOnlyList<MinimumVerdict> Minimums,
    IReadOnlyList<MinimumVerdict> Caps,
    IReadOnlyList<SheetIssue> Problems)
{
    public bool IsFinal => Pending == 0 && Submitted > 0 && Problems.All(p => p.Severity != IssueSeverity.Error);

    public bool IsCapped => Star < StarByScore;

    /// <summary>Vietnamese sentence for the result screen and the minutes; null when nothing capped the star.</summary>
    public string? CapExplanation => Caps.Count == 0 || StarByScore is null || Star is null
        ? null
        : $"Điểm trung bình {Total?.ToVietnamese()} đạt {StarByScore.Value.ToString(CultureInfo.InvariantCulture)} sao nhưng chỉ được xếp " +
          $"{Star.Value.ToString(CultureInfo.InvariantCulture)} sao vì không đạt yêu cầu tối thiểu: " +
          string.Join("; ", Caps.Select(c => $"tiêu chí {c.Minimum.CriterionCode} “{c.Minimum.CriterionText}” {c.Minimum.Requirement} cho {c.Minimum.Star.ToString(CultureInfo.InvariantCulture)} sao")) + ".";
}

/// <summary>Computes a product's result in a round from its members' sheets.</summary>
public static class RoundResults
{
    public static ProductResult ForProduct(Scoresheet sheet, LegalBasis basis, IEnumerable<MemberSheet> sheets)
    {
        var all = sheets.ToList();
        var recused = all.Count(s => s.State == MemberSheetState.Recused);
        var submittedSheets = all.Where(s => s.State == MemberSheetState.Submitted).ToList();
        var pending = all.Count - recused - submittedSheets.Count;
        var problems = new List<SheetIssue>();

        var scored = submittedSheets.Select(s => (Sheet: s, Score: SheetScoring.Score(sheet, s.Answers))).ToList();
        foreach (var (member, score) in scored.Where(x => !x.Score.IsComplete))
        {
            // Submission should have refused it; it still counts as given, but the round cannot close on it.
            problems.Add(new SheetIssue(IssueSeverity.Error, "submitted-incomplete", $"Phiếu của {member.MemberName}",
                $"Phiếu đã nộp nhưng chưa đầy đủ hoặc có lỗi ({(score.Unanswered.Count + score.Problems.Count).ToString(CultureInfo.InvariantCulture)} mục); cần trả lại để chấm lại."));
        }

        var members = scored
            .Select(x => new MemberTotal(x.Sheet.MemberId, x.Sheet.MemberName, x.Score.Total, x.Score.Parts, x.Score.IsComplete))
            .ToList();
        if (scored.Count == 0)
        {
            return new ProductResult(0, recused, pending, null, [], [], null, null, false, [], [], problems);
        }

        var total = MeanScore.Of(members.Select(m => m.Total).ToList());
        var parts = sheet.Parts
            .Select(p => new PartMean(p.Code, MeanScore.Of(scored.Select(x => x.Score.PartTotal(p.Code)).ToList()), p.Max))
            .ToList();

        var byScore = basis.StarForScore(total);
        var verdicts = StarMinimums.Decide(StarMinimums.Of(sheet), scored.Select(x => x.Score).ToList(), basis.Minimums.Consensus);
        var (star, caps) = ApplyMinimums(byScore, verdicts, basis);

        return new ProductResult(
            scored.Count, recused, pending, total, parts, members, byScore, star,
            star is int s && basis.IsRecognised(s), verdicts, caps, problems);
    }

    /// <summary>
    /// A missed minimum for star S caps the product at S − 1 (the rule's step), never below the lowest star;
    /// minimums above the score's own star do not matter.
    /// </summary>
    public static (int? Star, IReadOnlyList<MinimumVerdict> Caps) ApplyMinimums(int? byScore, IReadOnlyList<MinimumVerdict> verdicts, LegalBasis basis)
    {
        if (byScore is not int star)
        {
            return (null, []);
        }

        var caps = verdicts.Where(v => !v.Met && v.Minimum.Star <= star).OrderBy(v => v.Minimum.Star).ToList();
        if (caps.Count == 0)
        {
            return (star, []);
        }

        var capped = Math.Max(basis.LowestStar, caps[0].Minimum.Star - basis.Minimums.CapBelowMissedStar);
        return (Math.Min(star, capped), caps);
    }
}
