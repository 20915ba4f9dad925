using Ocop.Core.Evaluation;

namespace Ocop.Core.Tests.Evaluation;

/// <summary>Explicit builders for small, well-formed sheets and council sheets.</summary>
internal static class TestSheets
{
    public static readonly LegalBasis Basis = LegalBases.Decision148Of2023;

    /// <summary>A criterion with one option per whole point from 0 to max; starred options as (points, star).</summary>
    public static Criterion Ladder(string code, string text, int max, params (int Points, int Star)[] stars) =>
        new(code, text, Points.FromWhole(max),
            Enumerable.Range(0, max + 1)
                .Select(p => new ScoreOption(p + 1, $"{text}: {p} điểm", Points.FromWhole(p),
                    stars.Where(s => s.Points == p).Select(s => (int?)s.Star).FirstOrDefault()))
                .ToList(),
            []);

    public static CriteriaGroup Group(string code, params Criterion[] criteria) =>
        new(code, $"Nhóm {code}", Points.Sum(criteria.Select(c => c.Max)), false, criteria);

    public static ScoresheetPart Part(string code, params CriteriaGroup[] groups) =>
        new(code, $"Phần {code}", Points.Sum(groups.Select(g => g.Max)), groups);

    public static Scoresheet Sheet(params ScoresheetPart[] parts) =>
        new(Basis.Code, 99, "X.1", "Bộ thử nghiệm", 1, Basis.EffectiveFrom, ScoresheetStatus.Draft, false, "Dữ liệu kiểm thử", [], [], parts);

    /// <summary>
    /// A 100-point sheet with three starred criteria, like the real ones:
    /// A1.3 intellectual property must score above 0 from 4★ (148's whole-criterion mark);
    /// B1.2 linkage needs 2 points for 4★ and 4 for 5★; C1.2 environment needs 1 point for 3★.
    /// The free criteria A1.1, A1.2, B1.1, C1.1 carry the rest (85 points).
    /// </summary>
    public static Scoresheet Standard() => Sheet(
        Part("A", Group("A1",
            Ladder("A1.1", "Tổ chức sản xuất", 20),
            Ladder("A1.2", "Phát triển sản phẩm", 15),
            Ladder("A1.3", "Sở hữu trí tuệ", 5) with { RequiredFromStar = 4 })),
        Part("B", Group("B1",
            Ladder("B1.1", "Tiếp thị", 20),
            Ladder("B1.2", "Liên kết sản xuất", 5, (2, 4), (4, 5)))),
        Part("C", Group("C1",
            Ladder("C1.1", "Chất lượng", 30),
            Ladder("C1.2", "Bảo vệ môi trường", 5, (1, 3)))));

    /// <summary>
    /// Answers on <see cref="Standard"/> adding up to <paramref name="total"/>: the starred criteria get the
    /// points given, the free criteria are filled in order with the rest.
    /// </summary>
    public static Dictionary<string, int> Answers(int total, int ip = 5, int linkage = 5, int environment = 5)
    {
        var points = new Dictionary<string, int> { ["A1.3"] = ip, ["B1.2"] = linkage, ["C1.2"] = environment };
        var rest = total - ip - linkage - environment;
        foreach (var (code, max) in new[] { ("A1.1", 20), ("A1.2", 15), ("B1.1", 20), ("C1.1", 30) })
        {
            var given = Math.Clamp(rest, 0, max);
            points[code] = given;
            rest -= given;
        }

        if (rest != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(total), total, "Cannot reach this total with the starred points given.");
        }

        // On a ladder, option number = points + 1.
        return points.ToDictionary(p => p.Key, p => p.Value + 1);
    }

    public static MemberSheet Submitted(int id, Dictionary<string, int> answers) =>
        new(id, $"Thành viên {id}", MemberSheetState.Submitted, answers);

    public static MemberSheet Submitted(int id, int total, int ip = 5, int linkage = 5, int environment = 5) =>
        Submitted(id, Answers(total, ip, linkage, environment));

    public static MemberSheet Recused(int id) => new(id, $"Thành viên {id}", MemberSheetState.Recused, new Dictionary<string, int>());

    public static MemberSheet Draft(int id, int total) => new(id, $"Thành viên {id}", MemberSheetState.Draft, Answers(total));

    /// <summary>Picks, on any sheet, the option of each criterion that has the given points.</summary>
    public static Dictionary<string, int> Pick(Scoresheet sheet, params (string Code, int Points)[] picks) =>
        picks.ToDictionary(
            p => p.Code,
            p => sheet.FindScored(p.Code)!.Leaf.Options.First(o => o.Points == Points.FromWhole(p.Points)).Number);

    /// <summary>The best option everywhere; in "choose one" groups, the first case only.</summary>
    public static Dictionary<string, int> Best(Scoresheet sheet) => Choose(sheet, o => o.MaxBy(x => x.Points ?? Points.Zero)!);

    public static Dictionary<string, int> Worst(Scoresheet sheet) => Choose(sheet, o => o.MinBy(x => x.Points ?? Points.Zero)!);

    private static Dictionary<string, int> Choose(Scoresheet sheet, Func<IReadOnlyList<ScoreOption>, ScoreOption> choose) =>
        sheet.Parts
            .SelectMany(p => p.Groups)
            .SelectMany(g => g.ChooseOne ? g.Criteria.Take(1) : g.Criteria)
            .SelectMany(c => c.Leaves())
            .ToDictionary(l => l.Code, l => choose(l.Options).Number);
}

/// <summary>The copies of the real scoresheet files, read once.</summary>
internal static class RealSheets
{
    private static readonly Lazy<ScoresheetFile> Lazy148 = new(() => Load("scoresheets-148.json", LegalBases.Decision148Of2023));
    private static readonly Lazy<ScoresheetFile> Lazy26 = new(() => Load("scoresheets-26-2026.json", LegalBases.Decision26Of2026));

    public static ScoresheetFile Of148 => Lazy148.Value;

    public static ScoresheetFile Of26 => Lazy26.Value;

    public static ScoresheetFile For(string basisCode) => basisCode switch
    {
        "148/2023" => Of148,
        "26/2026" => Of26,
        _ => throw new ArgumentOutOfRangeException(nameof(basisCode), basisCode, null),
    };

    public static Scoresheet Sheet(string basisCode, int set) => For(basisCode).Sheets.Single(s => s.ProductSetNumber == set);

    private static ScoresheetFile Load(string file, LegalBasis basis)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Evaluation", "Data", file));
        return ScoresheetReader.Read(stream, basis);
    }
}
