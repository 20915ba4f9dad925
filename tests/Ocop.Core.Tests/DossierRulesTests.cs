using Ocop.Core.Access;
using Ocop.Core.Dossiers;
using Ocop.Core.Evaluation;

namespace Ocop.Core.Tests;

public class DossierRulesTests
{
    [Theory]
    [InlineData("", null, "I.3.b", DossierVariant.FirstEvaluation, true)]    // empty prefix: every product
    [InlineData("I", null, "I.3.b", DossierVariant.FirstEvaluation, true)]
    [InlineData("I.3", null, "I.3.b", DossierVariant.FirstEvaluation, true)]
    [InlineData("I.3.b", null, "I.3.b", DossierVariant.FirstEvaluation, true)]
    [InlineData("I", null, "II.1.a", DossierVariant.FirstEvaluation, false)] // "I" is not a prefix of sector II
    [InlineData("I", null, "IV.2", DossierVariant.FirstEvaluation, false)]
    [InlineData("I.3", null, "I.30", DossierVariant.FirstEvaluation, false)]
    [InlineData("VI", null, "I.3.b", DossierVariant.FirstEvaluation, false)]
    [InlineData("", DossierVariant.Upgrade, "I.3.b", DossierVariant.Upgrade, true)]
    [InlineData("", DossierVariant.Upgrade, "I.3.b", DossierVariant.FirstEvaluation, false)]
    [InlineData("", DossierVariant.Reevaluation, "VI.1", DossierVariant.Upgrade, false)]
    public void An_item_applies_to_whole_segments_of_the_category_code_and_its_variant(string prefix, DossierVariant? onlyFor, string code, DossierVariant variant, bool applies) =>
        Assert.Equal(applies, DossierRules.Applies(prefix, onlyFor, code, variant));

    [Fact]
    public void Completeness_counts_required_items_with_a_file_and_lists_the_missing_ones()
    {
        ChecklistEntry[] items = [new(1, "Phiếu đăng ký", true), new(2, "Phương án kinh doanh", true), new(3, "Câu chuyện", false), new(4, "Kiểm nghiệm", true)];

        var result = DossierRules.Assess(items, new HashSet<int> { 1, 3 });

        Assert.Equal((3, 1, 1, 1), (result.RequiredTotal, result.RequiredDone, result.OptionalTotal, result.OptionalDone));
        Assert.Equal(["Phương án kinh doanh", "Kiểm nghiệm"], result.Missing.Select(m => m.Title));
        Assert.False(result.IsComplete);
        Assert.Equal(33, result.Percent);
    }

    [Fact]
    public void A_dossier_with_every_required_file_is_complete_whatever_the_optional_ones()
    {
        var result = DossierRules.Assess([new(1, "Phiếu đăng ký", true), new(2, "Câu chuyện", false)], new HashSet<int> { 1 });
        Assert.True(result.IsComplete);
        Assert.Equal(100, result.Percent);
    }

    [Theory]
    [InlineData(DossierStage.Draft, DossierAction.Submit, DossierStage.Submitted)]
    [InlineData(DossierStage.Returned, DossierAction.Submit, DossierStage.Submitted)]
    [InlineData(DossierStage.Submitted, DossierAction.Return, DossierStage.Returned)]
    [InlineData(DossierStage.Submitted, DossierAction.Accept, DossierStage.Accepted)]
    [InlineData(DossierStage.Draft, DossierAction.Edit, DossierStage.Draft)]
    [InlineData(DossierStage.Returned, DossierAction.Edit, DossierStage.Returned)]
    [InlineData(DossierStage.Submitted, DossierAction.Edit, null)]
    [InlineData(DossierStage.Draft, DossierAction.Accept, null)]
    [InlineData(DossierStage.Draft, DossierAction.Return, null)]
    [InlineData(DossierStage.Accepted, DossierAction.Return, null)]
    [InlineData(DossierStage.Accepted, DossierAction.Edit, null)]
    [InlineData(DossierStage.Evaluated, DossierAction.Submit, null)]
    [InlineData(DossierStage.Submitted, DossierAction.Submit, null)]
    public void States_move_only_along_the_workflow(DossierStage from, DossierAction action, DossierStage? to) =>
        Assert.Equal(to, DossierRules.Next(from, action));

    [Theory]
    [InlineData(Role.Producer, true, DossierAction.Submit, true)]
    [InlineData(Role.Producer, true, DossierAction.Accept, false)]
    [InlineData(Role.Producer, true, DossierAction.Return, false)]
    [InlineData(Role.CommuneOfficer, true, DossierAction.Submit, true)]
    [InlineData(Role.CommuneOfficer, true, DossierAction.Accept, true)]
    [InlineData(Role.CommuneOfficer, false, DossierAction.Accept, false)]
    [InlineData(Role.ProgramOffice, true, DossierAction.Return, true)]
    [InlineData(Role.Administrator, true, DossierAction.Edit, true)]
    [InlineData(Role.Leader, false, DossierAction.Edit, false)]
    [InlineData(Role.Department, false, DossierAction.Accept, false)]
    [InlineData(Role.CouncilMember, false, DossierAction.Submit, false)]
    [InlineData(Role.Producer, false, DossierAction.Edit, false)]
    public void Producers_prepare_and_submit_offices_and_communes_also_check(Role role, bool editsProduct, DossierAction action, bool may) =>
        Assert.Equal(may, DossierRules.MayAct(role, editsProduct, action));
}
