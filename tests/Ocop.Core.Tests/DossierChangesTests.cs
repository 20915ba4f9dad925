using Ocop.Core.Access;
using Ocop.Core.Dossiers;

namespace Ocop.Core.Tests;

public class DossierChangesTests
{
    [Theory]
    [InlineData(Role.Producer, true, DossierStage.Draft, DossierAction.Edit, null)]
    [InlineData(Role.Producer, true, DossierStage.Returned, DossierAction.Submit, null)]
    [InlineData(Role.CommuneOfficer, true, DossierStage.Submitted, DossierAction.Accept, null)]
    [InlineData(Role.ProgramOffice, true, DossierStage.Submitted, DossierAction.Return, null)]
    [InlineData(Role.Producer, false, DossierStage.Draft, DossierAction.Edit, "Bạn không được sửa hồ sơ này.")]
    [InlineData(Role.CommuneOfficer, false, DossierStage.Draft, DossierAction.Submit, "Bạn không được nộp hồ sơ này.")]
    [InlineData(Role.Producer, true, DossierStage.Submitted, DossierAction.Accept, "Bạn không được kiểm tra hồ sơ này.")]
    [InlineData(Role.CouncilMember, true, DossierStage.Submitted, DossierAction.Return, "Bạn không được kiểm tra hồ sơ này.")]
    [InlineData(Role.Producer, true, DossierStage.Submitted, DossierAction.Edit, "Hồ sơ đã nộp: chỉ sửa được khi đang chuẩn bị hoặc bị trả lại để bổ sung.")]
    [InlineData(Role.ProgramOffice, true, DossierStage.Accepted, DossierAction.Submit, "Hồ sơ chỉ nộp được khi đang chuẩn bị hoặc bị trả lại để bổ sung.")]
    [InlineData(Role.ProgramOffice, true, DossierStage.Draft, DossierAction.Accept, "Chỉ kiểm tra (tiếp nhận, trả lại) được hồ sơ đã nộp.")]
    [InlineData(Role.ProgramOffice, true, DossierStage.Evaluated, DossierAction.Return, "Chỉ kiểm tra (tiếp nhận, trả lại) được hồ sơ đã nộp.")]
    public void An_action_is_refused_for_the_role_first_then_for_the_state(Role role, bool editsProduct, DossierStage stage, DossierAction action, string? refusal)
    {
        Assert.Equal(refusal, DossierChanges.Refusal(role, editsProduct, stage, action));
        Assert.Equal(refusal is null, DossierRules.Allowed(role, editsProduct, stage, action));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("Bổ sung phiếu kiểm nghiệm", null)]
    [InlineData("x4000", null)]
    [InlineData("x4001", "Ghi chú tối đa 4.000 ký tự.")]
    [InlineData("  x4000  ", null)]   // measured as saved, trimmed
    public void Notes_hold_at_most_4000_characters(string? notes, string? problem) =>
        Assert.Equal(problem, DossierChanges.NotesProblem(Expand(notes)));

    [Theory]
    [InlineData(null, "Nhập lý do trả lại để chủ thể biết cần bổ sung gì.")]
    [InlineData("   ", "Nhập lý do trả lại để chủ thể biết cần bổ sung gì.")]
    [InlineData("Phiếu kiểm nghiệm đã hết hạn.", null)]
    [InlineData("x2000", null)]
    [InlineData("x2001", "Lý do tối đa 2.000 ký tự.")]
    public void A_return_needs_a_reason_of_at_most_2000_characters(string? reason, string? problem) =>
        Assert.Equal(problem, DossierChanges.ReturnReasonProblem(Expand(reason)));

    [Theory]
    [InlineData(new DossierStage[0], true)]
    [InlineData(new[] { DossierStage.Evaluated }, true)]
    [InlineData(new[] { DossierStage.Evaluated, DossierStage.Evaluated }, true)]
    [InlineData(new[] { DossierStage.Draft }, false)]
    [InlineData(new[] { DossierStage.Evaluated, DossierStage.Returned }, false)]
    [InlineData(new[] { DossierStage.Accepted }, false)]
    [InlineData(new[] { DossierStage.Submitted }, false)]
    public void A_product_opens_a_second_dossier_in_a_year_only_once_the_others_are_evaluated(DossierStage[] sameYear, bool opens) =>
        Assert.Equal(opens, DossierChanges.OpenProblem(sameYear) is null);

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, "Chưa nộp được: còn thiếu 1 giấy tờ bắt buộc.")]
    [InlineData(3, "Chưa nộp được: còn thiếu 3 giấy tờ bắt buộc.")]
    public void A_dossier_is_submitted_only_with_every_required_document(int missing, string? problem)
    {
        var items = Enumerable.Range(1, 4).Select(i => new ChecklistEntry(i, "Giấy tờ " + i, Required: true)).ToList();
        var withFiles = items.Skip(missing).Select(i => i.Id).ToHashSet();
        Assert.Equal(problem, DossierChanges.SubmitProblem(DossierRules.Assess(items, withFiles)));
    }

    [Theory]
    // siblings as "id:order", the item moved, up?, the expected changes as "id:order"
    [InlineData("1:1 2:2 3:3", 2, true, "2:1 1:2")]
    [InlineData("1:1 2:2 3:3", 2, false, "2:3 3:2")]
    [InlineData("1:1 2:2 3:3", 1, true, "")]          // already first
    [InlineData("1:1 2:2 3:3", 3, false, "")]         // already last
    [InlineData("1:1 2:2 3:3", 9, true, "")]          // not a sibling
    [InlineData("1:5 2:5", 2, true, "2:4 1:5")]       // equal orders are pulled apart
    [InlineData("1:5 2:5", 1, false, "1:6 2:5")]
    [InlineData("3:10 1:30 2:20", 1, true, "1:20 2:30")] // by order, not by id
    public void A_checklist_item_moves_by_swapping_its_order_with_its_neighbour(string siblings, int id, bool up, string changes)
    {
        static DossierChanges.Placed[] Parse(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split(':')).Select(p => new DossierChanges.Placed(int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        Assert.Equal(Parse(changes), DossierChanges.Move(Parse(siblings), id, up));
    }

    /// <summary>"x4001" stands for 4,001 letters x (a theory's data stays short).</summary>
    private static string? Expand(string? text) =>
        text?.Trim() is { Length: > 1 } t && t[0] == 'x' && int.TryParse(t[1..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? text.Replace(t, new string('x', n), StringComparison.Ordinal)
            : text;
}
