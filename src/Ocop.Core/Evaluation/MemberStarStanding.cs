namespace Ocop.Core.Evaluation;

/// <summary>
/// Where one member's sheet stands while they score: the star its running total earns by the bands, the star minimums
/// this sheet does not meet yet, and the star left once the first missed minimum caps it. Only a guide for the member:
/// the council's result decides minimums over every submitted sheet (<see cref="StarMinimums.Decide"/>).
/// </summary>
/// <param name="StarByTotal">The star the running total reaches by the bands; null when the basis has no band for it.</param>
/// <param name="StarAfterMinimums">That star after the missed minimums at or below it cap it, as the council's result would.</param>
/// <param name="Missing">Minimums this sheet does not meet yet, lowest star first, in sheet order within a star.</param>
public sealed record MemberStarStanding(int? StarByTotal, int? StarAfterMinimums, IReadOnlyList<StarMinimum> Missing)
{
    /// <summary>The stars that still miss a minimum, lowest first.</summary>
    public IEnumerable<int> StarsMissing => Missing.Select(m => m.Star).Distinct().Order();

    public IEnumerable<StarMinimum> MissingFor(int star) => Missing.Where(m => m.Star == star);

    /// <summary>
    /// The standing of a member's running sheet. A minimum binds this sheet unless it lies in a case of a "choose one"
    /// group that the member did not choose; an unanswered criterion does not meet its minimum yet.
    /// </summary>
    public static MemberStarStanding Of(LegalBasis basis, IReadOnlyList<StarMinimum> minimums, SheetScore score)
    {
        var missing = minimums
            .Select((minimum, order) => (minimum, order))
            .Where(x => Binds(x.minimum, score) && !x.minimum.IsMetBy(PointsOn(x.minimum, score)))
            .OrderBy(x => x.minimum.Star).ThenBy(x => x.order)
            .Select(x => x.minimum)
            .ToList();
        var byTotal = basis.StarForScore(MeanScore.OfOne(score.Total));
        int? afterMinimums = byTotal;
        if (byTotal is int star && missing.FirstOrDefault(m => m.Star <= star) is { } first)
        {
            afterMinimums = Math.Min(star, Math.Max(basis.LowestStar, first.Star - basis.Minimums.CapBelowMissedStar));
        }

        return new MemberStarStanding(byTotal, afterMinimums, missing);
    }

    /// <summary>A case of a "choose one" group binds only once the member scored in it; every other minimum always binds.</summary>
    public static bool Binds(StarMinimum minimum, SheetScore score) =>
        minimum.ChooseOneCase is not string chosenCase || score.CriterionPoints.ContainsKey(chosenCase);

    private static Points PointsOn(StarMinimum minimum, SheetScore score) =>
        score.CriterionPoints.TryGetValue(minimum.CriterionCode, out var points) ? points : Points.Zero;
}
