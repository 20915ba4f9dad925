using Ocop.Core.Evaluation;
using static Ocop.Core.Tests.Evaluation.TestSheets;

namespace Ocop.Core.Tests.Evaluation;

/// <summary>The "choose one case" rule of the tourism sheet (26/2026, set 26: groups C3, C4, C10), in one place for every caller.</summary>
public class ChooseOneCasesTests
{
    private static readonly string[] ChooseOneLeaves = ["C3.1", "C3.2", "C4.1", "C4.2", "C10.1", "C10.2"];

    public static TheoryData<string, string[], string, string[], string, string> Choices => new()
    {
        // situation, answered choose-one leaves, chosen cases ("group=case;…"), kept leaves, cases after, problem
        { "the chosen case keeps its answers and drops the other's", ["C3.1", "C3.2"], "C3=C3.2", ["C3.2"], "C3=C3.2", "" },
        { "no case named: the answered one is the case", ["C3.1"], "", ["C3.1"], "C3=C3.1", "" },
        { "a case named but not answered yet drops the other's answers", ["C3.1"], "C3=C3.2", [], "C3=C3.2", "" },
        { "groups are independent", ["C3.1", "C4.1", "C4.2"], "C4=C4.1", ["C3.1", "C4.1"], "C3=C3.1;C4=C4.1", "" },
        { "two cases answered, none named: both kept for scoring to refuse", ["C3.1", "C3.2"], "", ["C3.1", "C3.2"], "C3=C3.1", "" },
        { "a case the group does not have is refused and drops nothing", ["C3.1", "C3.2"], "C3=C4.1", ["C3.1", "C3.2"], "C3=C3.1", "Nhóm C3: trường hợp “C4.1” không có trong phiếu." },
        { "a group the sheet does not have is refused", ["C3.1"], "A1=A1.1", ["C3.1"], "C3=C3.1", "Phiếu chấm không có nhóm chọn một trường hợp mã A1." },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void Only_the_chosen_case_of_a_choose_one_group_keeps_its_answers(
        string situation, string[] answered, string chosen, string[] kept, string casesAfter, string problem)
    {
        var tourism = RealSheets.Sheet("26/2026", 26);
        var answers = Best(tourism).Where(a => !ChooseOneLeaves.Contains(a.Key)).ToDictionary();
        foreach (var code in answered)
        {
            answers[code] = tourism.FindScored(code)!.Leaf.Options[0].Number;
        }

        var choice = ChooseOneCases.Apply(tourism, answers, Pairs(chosen));

        Assert.True(kept.Order().SequenceEqual(choice.Answers.Keys.Where(ChooseOneLeaves.Contains).Order()), situation);
        Assert.Equal(Pairs(casesAfter).OrderBy(c => c.Key), choice.Cases.OrderBy(c => c.Key));
        Assert.Equal(problem.Length == 0 ? [] : [problem], choice.Problems);
        // Answers outside "choose one" groups are never touched.
        Assert.Equal(answers.Count(a => !ChooseOneLeaves.Contains(a.Key)), choice.Answers.Count(a => !ChooseOneLeaves.Contains(a.Key)));
    }

    [Theory]
    [InlineData(new string[0], 0)]
    [InlineData(new[] { "C3.2" }, 1)]
    [InlineData(new[] { "C3.1", "C3.2" }, 2)]
    public void The_cases_a_group_was_answered_under_are_read_from_its_answers(string[] answered, int count)
    {
        var tourism = RealSheets.Sheet("26/2026", 26);
        var group = tourism.Parts.SelectMany(p => p.Groups).Single(g => g.Code == "C3");
        var answers = answered.ToDictionary(c => c, _ => 1);

        Assert.Equal(count, ChooseOneCases.Answered(group, answers).Count);
        Assert.Equal(count == 0 ? null : answered[0], ChooseOneCases.Of(tourism, answers).GetValueOrDefault("C3"));
    }

    private static Dictionary<string, string> Pairs(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}
