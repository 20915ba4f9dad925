namespace Ocop.Core.Evaluation;

/// <summary>A member's answers after the "choose one case" rule: only the chosen case's answers are kept.</summary>
/// <param name="Answers">The answers kept: every answer outside "choose one" groups, and in each such group only the chosen case's.</param>
/// <param name="Cases">The case of each "choose one" group (group code → criterion code): the one chosen, else the one answered.</param>
/// <param name="Problems">Cases named that the sheet does not have, in Vietnamese.</param>
public sealed record CaseChoice(IReadOnlyDictionary<string, int> Answers, IReadOnlyDictionary<string, string> Cases, IReadOnlyList<string> Problems);

/// <summary>
/// The rule of a "choose one" group (tourism: "Lựa chọn một trong hai trường hợp sau"): the member scores one case,
/// and only that case counts. A sheet that names its case keeps that case's answers and drops the others, as on paper
/// where the other case stays blank; a sheet that names none is read by the answers it holds (scoring refuses two).
/// </summary>
public static class ChooseOneCases
{
    /// <summary>The cases of a group the answers touch, in the sheet's order: none, the chosen one, or (an error) several.</summary>
    public static IReadOnlyList<Criterion> Answered(CriteriaGroup group, IReadOnlyDictionary<string, int> answers)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(answers);
        return group.Criteria.Where(c => c.Leaves().Any(l => answers.ContainsKey(l.Code))).ToList();
    }

    /// <summary>The case each "choose one" group was answered under, read back from the answers (the first when several).</summary>
    public static Dictionary<string, string> Of(Scoresheet sheet, IReadOnlyDictionary<string, int> answers)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var cases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in sheet.Parts.SelectMany(p => p.Groups).Where(g => g.ChooseOne))
        {
            var answered = Answered(group, answers);
            if (answered.Count > 0)
            {
                cases[group.Code] = answered[0].Code;
            }
        }

        return cases;
    }

    /// <summary>Applies the cases the member chose: answers of the other cases of those groups are dropped.</summary>
    /// <param name="chosen">Group code → the case's criterion code, as the member picked it; groups not named keep their answers.</param>
    public static CaseChoice Apply(Scoresheet sheet, IReadOnlyDictionary<string, int> answers, IReadOnlyDictionary<string, string> chosen)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(chosen);
        var kept = new Dictionary<string, int>(answers, StringComparer.Ordinal);
        var cases = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var groups = sheet.Parts.SelectMany(p => p.Groups).Where(g => g.ChooseOne).ToDictionary(g => g.Code, StringComparer.Ordinal);
        foreach (var (groupCode, caseCode) in chosen.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            if (!groups.TryGetValue(groupCode, out var group))
            {
                problems.Add($"Phiếu chấm không có nhóm chọn một trường hợp mã {groupCode}.");
                continue;
            }

            if (group.Criteria.All(c => c.Code != caseCode))
            {
                problems.Add($"Nhóm {groupCode}: trường hợp “{caseCode}” không có trong phiếu.");
                continue;
            }

            cases[groupCode] = caseCode;
            foreach (var other in group.Criteria.Where(c => c.Code != caseCode).SelectMany(c => c.Leaves()))
            {
                kept.Remove(other.Code);
            }
        }

        foreach (var (group, answered) in Of(sheet, kept))
        {
            cases.TryAdd(group, answered);
        }

        return new CaseChoice(kept, cases, problems);
    }
}
