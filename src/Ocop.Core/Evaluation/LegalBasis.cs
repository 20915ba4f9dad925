using System.ComponentModel.DataAnnotations;

namespace Ocop.Core.Evaluation;

/// <summary>
/// The decision a scoresheet is issued under, with everything about ranking that the decision fixes:
/// the parts and their maxima, the star bands and the rule for star minimums. Data, not code: an
/// administrator may correct it, and a new decision is a new record.
/// </summary>
/// <param name="Code">Short key, e.g. "148/2023", "26/2026", "1048/2019".</param>
/// <param name="Title">The decision as cited in Vietnamese documents.</param>
/// <param name="EffectiveFrom">First day new evaluations may use it.</param>
/// <param name="EffectiveTo">Last day new evaluations may use it; null while in force.</param>
/// <param name="Parts">The parts every scoresheet of this basis must have, with their maxima (A 40, B 25, C 35).</param>
/// <param name="StarBands">Lower bound of each star, lowest first; a band runs to the next band's bound.</param>
/// <param name="Minimums">How starred options and starred criteria cap the star.</param>
public sealed record LegalBasis(
    string Code,
    string Title,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    IReadOnlyList<PartSpec> Parts,
    IReadOnlyList<StarBand> StarBands,
    StarMinimumRule Minimums)
{
    public Points TotalPoints => Points.Sum(Parts.Select(p => p.Max));

    public bool IsInForceOn(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo.Value);

    /// <summary>
    /// The star the score alone earns: the highest band whose lower bound the exact mean reaches.
    /// Below the lowest band's bound (never, with a band from 0) there is no star.
    /// </summary>
    public int? StarForScore(MeanScore score)
    {
        int? star = null;
        foreach (var band in StarBands.OrderBy(b => b.From))
        {
            if (score.IsAtLeast(band.From))
            {
                star = band.Stars;
            }
        }

        return star;
    }

    public StarBand? Band(int stars) => StarBands.FirstOrDefault(b => b.Stars == stars);

    /// <summary>Stars that give a recognition decision and a certificate (3–5★).</summary>
    public bool IsRecognised(int stars) => Band(stars)?.Recognised ?? false;

    public int LowestStar => StarBands.Min(b => b.Stars);
}

/// <summary>A part every sheet of the basis has, e.g. A "Sản phẩm và sức mạnh của cộng đồng" 40 points.</summary>
public sealed record PartSpec(string Code, string Name, Points Max);

/// <summary>From <paramref name="From"/> points (inclusive) the product earns <paramref name="Stars"/>.</summary>
public sealed record StarBand(int Stars, Points From, bool Recognised);

/// <summary>
/// The star-minimum rule as the decision words it. Sheets mark an option "***" (3★), "****" or "*****":
/// reaching a star needs at least that option's points on the criterion, for that star and every star
/// above it. A criterion marked as a whole must score above zero. A product that misses a minimum for
/// star S is capped at S − 1 whatever its total.
/// </summary>
/// <param name="Statement">The rule in the decision's words, shown to council members.</param>
/// <param name="Consensus">How the council's sheets decide whether the product meets a minimum.</param>
/// <param name="CapBelowMissedStar">How many stars below a missed minimum's star the product is capped (1 in every decision so far).</param>
public sealed record StarMinimumRule(string Statement, MinimumConsensus Consensus, int CapBelowMissedStar = 1);

/// <summary>How the submitted sheets of a council combine into one verdict on a star minimum.</summary>
public enum MinimumConsensus
{
    /// <summary>More than half of the members who scored the criterion reach the minimum; a tie misses it.</summary>
    [Display(Name = "Quá nửa số thành viên chấm đạt mức tối thiểu")] Majority = 1,

    /// <summary>The members' mean points on the criterion reach the minimum, the way the total is averaged.</summary>
    [Display(Name = "Điểm trung bình của các thành viên đạt mức tối thiểu")] Average = 2,

    /// <summary>Every member who scored the criterion reaches the minimum.</summary>
    [Display(Name = "Mọi thành viên chấm đạt mức tối thiểu")] Unanimous = 3,
}

/// <summary>
/// The legal bases known when the code was written, as seed data: the database copy is authoritative
/// once loaded. 1048/2019 is history (its sheets used A 35, B 25, C 40).
/// </summary>
public static class LegalBases
{
    // The bands of 148 and 26/2026 alike: 1★ below 30, 2★ 30–<50, 3★ 50–<70, 4★ 70–<90, 5★ 90–100;
    // only 3–5★ are recognised. A score of 0 is still 1★ by band; it is simply never recognised.
    private static readonly StarBand[] Bands =
    [
        new(1, Points.Zero, false),
        new(2, Points.FromWhole(30), false),
        new(3, Points.FromWhole(50), true),
        new(4, Points.FromWhole(70), true),
        new(5, Points.FromWhole(90), true),
    ];

    private const string MinimumStatement =
        "Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao (*** - 3 sao; **** - 4 sao; ***** - 5 sao). " +
        "Sản phẩm không đạt yêu cầu tối thiểu của một cấp sao thì chỉ được xếp dưới cấp sao đó.";

    private static readonly PartSpec[] Parts148 =
    [
        new("A", "Sản phẩm và sức mạnh của cộng đồng", Points.FromWhole(40)),
        new("B", "Khả năng tiếp thị", Points.FromWhole(25)),
        new("C", "Chất lượng sản phẩm", Points.FromWhole(35)),
    ];

    public static readonly LegalBasis Decision1048Of2019 = new(
        "1048/2019",
        "Quyết định số 1048/QĐ-TTg ngày 21/8/2019 (sửa đổi bởi Quyết định 781/QĐ-BNN-VPĐP năm 2020)",
        new DateOnly(2019, 8, 21),
        new DateOnly(2023, 2, 23),
        [
            new("A", "Sản phẩm và sức mạnh của cộng đồng", Points.FromWhole(35)),
            new("B", "Khả năng tiếp thị", Points.FromWhole(25)),
            new("C", "Chất lượng sản phẩm", Points.FromWhole(40)),
        ],
        Bands,
        new StarMinimumRule(MinimumStatement, MinimumConsensus.Majority));

    /// <summary>148 stays usable for dossiers filed before 22 May 2026 through the 60-day transition.</summary>
    public static readonly LegalBasis Decision148Of2023 = new(
        "148/2023",
        "Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ, Phụ lục III",
        new DateOnly(2023, 2, 24),
        new DateOnly(2026, 5, 21),
        Parts148,
        Bands,
        new StarMinimumRule(MinimumStatement, MinimumConsensus.Majority));

    public static readonly LegalBasis Decision26Of2026 = new(
        "26/2026",
        "Quyết định số 26/2026/QĐ-TTg ngày 22/05/2026 của Thủ tướng Chính phủ, Phụ lục II",
        new DateOnly(2026, 5, 22),
        null,
        Parts148,
        Bands,
        new StarMinimumRule(MinimumStatement, MinimumConsensus.Majority));

    public static IReadOnlyList<LegalBasis> All { get; } = [Decision1048Of2019, Decision148Of2023, Decision26Of2026];

    public static LegalBasis? ByCode(string code) =>
        All.FirstOrDefault(b => string.Equals(b.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The basis new evaluations use on <paramref name="date"/>; null before 1048/2019.</summary>
    public static LegalBasis? InForceOn(DateOnly date, IEnumerable<LegalBasis>? bases = null) =>
        (bases ?? All).Where(b => b.IsInForceOn(date)).MaxBy(b => b.EffectiveFrom);
}
