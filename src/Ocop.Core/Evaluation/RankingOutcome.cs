using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Ocop.Core.Evaluation;

/// <summary>What a round's result is, named as the law names it (the explicit outcome of pages, documents and the API).</summary>
public enum RankingOutcomeKind
{
    [Display(Name = "Chưa có kết quả")] Pending = 1,
    [Display(Name = "Đủ điều kiện công nhận")] Recognised = 2,

    /// <summary>≥ 90 at a level that cannot give 5★: "đề xuất công nhận 5 sao" (potential 5★) until the central decision.</summary>
    [Display(Name = "Đề xuất công nhận 5 sao")] ProposedFiveStar = 3,

    /// <summary>Sent on for a star this level cannot give (148: a district's 4★ goes to the province).</summary>
    [Display(Name = "Đề xuất cấp trên công nhận")] ProposedOnward = 4,
    [Display(Name = "Hạng sao do cấp khác công nhận")] RecognisedByOtherLevel = 5,
    [Display(Name = "Không đủ điều kiện công nhận")] NotRecognised = 6,
    [Display(Name = "Cấp này không chấm điểm")] NotScoredHere = 7,
}

/// <summary>
/// A round result as it may be told: the kind, the star this level has ranked (never a star it only proposes, so
/// <see cref="Star"/> is never 5 before the central decision), the star proposed to the next level, and the name.
/// </summary>
/// <param name="Star">The star ranked at this level; null while pending or when proposed onward.</param>
/// <param name="ProposedStar">The star the next level is asked to recognise; null unless proposed onward.</param>
/// <param name="Name">Vietnamese, e.g. "Đủ điều kiện công nhận 4 sao", "Đề xuất công nhận 5 sao".</param>
public sealed record RankingOutcome(RankingOutcomeKind Kind, int? Star, int? ProposedStar, EvaluationLevel? ProposedTo, string Name);

/// <summary>Names a stored or computed level outcome for every reader: results page, minutes, product page, API.</summary>
public static class RankingOutcomes
{
    public static RankingOutcome Of(LevelOutcome? outcome) =>
        outcome is null ? Of(null, null, false, null) : Of(outcome.Kind, outcome.Stars, outcome.PotentialFiveStar, outcome.ProposedTo ?? outcome.RecognisedBy);

    /// <param name="kind">The stored outcome at the level; null while the round is open or nothing was submitted.</param>
    /// <param name="star">The star after the star minimums, as computed.</param>
    /// <param name="potentialFiveStar">Proposed to the central level for 5★.</param>
    /// <param name="otherLevel">The level proposed to, or the level that recognises the star instead.</param>
    public static RankingOutcome Of(LevelOutcomeKind? kind, int? star, bool potentialFiveStar, EvaluationLevel? otherLevel)
    {
        var s = star?.ToString(CultureInfo.InvariantCulture);
        return kind switch
        {
            LevelOutcomeKind.RecognisedHere when star is int =>
                new(RankingOutcomeKind.Recognised, star, null, null, $"Đủ điều kiện công nhận {s} sao"),
            LevelOutcomeKind.ProposedOnward when potentialFiveStar || star >= 5 =>
                new(RankingOutcomeKind.ProposedFiveStar, null, 5, otherLevel ?? EvaluationLevel.Central, "Đề xuất công nhận 5 sao"),
            LevelOutcomeKind.ProposedOnward when star is int =>
                new(RankingOutcomeKind.ProposedOnward, null, star, otherLevel,
                    $"Đề xuất {(otherLevel is EvaluationLevel next ? EvaluationProcess.Vietnamese(next) : "cấp trên")} công nhận {s} sao"),
            LevelOutcomeKind.RecognisedByOtherLevel when star is int =>
                new(RankingOutcomeKind.RecognisedByOtherLevel, star, null, otherLevel,
                    $"{s} sao, do {(otherLevel is EvaluationLevel other ? EvaluationProcess.Vietnamese(other) : "cấp khác")} công nhận"),
            LevelOutcomeKind.NotRecognised =>
                new(RankingOutcomeKind.NotRecognised, star, null, null,
                    star is null ? "Không đủ điều kiện công nhận" : $"Không đủ điều kiện công nhận ({s} sao)"),
            LevelOutcomeKind.NotScoredHere => new(RankingOutcomeKind.NotScoredHere, null, null, otherLevel, "Cấp này không chấm điểm"),
            _ => new(RankingOutcomeKind.Pending, null, null, null, "Chưa có kết quả"),
        };
    }
}
