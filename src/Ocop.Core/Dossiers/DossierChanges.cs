using Ocop.Core.Access;

namespace Ocop.Core.Dossiers;

/// <summary>
/// The rules of the changes a person makes to a dossier, whoever sends them (the dossier page, the API): why an action
/// is refused, what a note or a return reason may hold, when a new dossier may be opened, when one may be submitted,
/// and how the checklist's order moves. Each answer is a Vietnamese message, or null when the change is allowed.
/// </summary>
public static class DossierChanges
{
    public const int NotesMaxLength = 4000;
    public const int ReturnReasonMaxLength = 2000;

    /// <summary>Why the person may not take the action on the dossier now, or null when they may (<see cref="DossierRules.Allowed"/>).</summary>
    public static string? Refusal(Role role, bool editsProduct, DossierStage stage, DossierAction action)
    {
        if (!DossierRules.MayAct(role, editsProduct, action))
        {
            return action switch
            {
                DossierAction.Edit => "Bạn không được sửa hồ sơ này.",
                DossierAction.Submit => "Bạn không được nộp hồ sơ này.",
                _ => "Bạn không được kiểm tra hồ sơ này.",
            };
        }

        if (DossierRules.Next(stage, action) is not null)
        {
            return null;
        }

        return action switch
        {
            DossierAction.Edit => "Hồ sơ đã nộp: chỉ sửa được khi đang chuẩn bị hoặc bị trả lại để bổ sung.",
            DossierAction.Submit => "Hồ sơ chỉ nộp được khi đang chuẩn bị hoặc bị trả lại để bổ sung.",
            _ => "Chỉ kiểm tra (tiếp nhận, trả lại) được hồ sơ đã nộp.",
        };
    }

    /// <summary>A dossier's notes: at most <see cref="NotesMaxLength"/> characters.</summary>
    public static string? NotesProblem(string? notes) =>
        notes?.Trim().Length > NotesMaxLength ? "Ghi chú tối đa 4.000 ký tự." : null;

    /// <summary>A return tells the producer what to add: a reason is required, at most <see cref="ReturnReasonMaxLength"/> characters.</summary>
    public static string? ReturnReasonProblem(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return "Nhập lý do trả lại để chủ thể biết cần bổ sung gì.";
        }

        return reason.Trim().Length > ReturnReasonMaxLength ? "Lý do tối đa 2.000 ký tự." : null;
    }

    /// <summary>
    /// A product has one dossier per year until that one is evaluated: a second is refused while any dossier of the
    /// same year (<paramref name="sameYear"/>) is still on its way.
    /// </summary>
    public static string? OpenProblem(IEnumerable<DossierStage> sameYear)
    {
        ArgumentNullException.ThrowIfNull(sameYear);
        return sameYear.Any(s => s != DossierStage.Evaluated)
            ? "Sản phẩm đã có hồ sơ năm này chưa đánh giá xong. Hãy tiếp tục hồ sơ đó."
            : null;
    }

    /// <summary>A dossier is submitted only with every required document.</summary>
    public static string? SubmitProblem(Completeness completeness)
    {
        ArgumentNullException.ThrowIfNull(completeness);
        return completeness.IsComplete ? null : $"Chưa nộp được: còn thiếu {completeness.Missing.Count} giấy tờ bắt buộc.";
    }

    /// <summary>One checklist item and its place among the items of its prefix.</summary>
    public sealed record Placed(int Id, int SortOrder);

    /// <summary>
    /// Moves an item one place up or down among its siblings (the items of the same prefix, not archived) by swapping
    /// its order with its neighbour's; two equal orders are pulled apart by one. Returns the items whose order changes,
    /// with their new order: none when the item is already first (up) or last (down), or is not among the siblings.
    /// </summary>
    public static IReadOnlyList<Placed> Move(IEnumerable<Placed> siblings, int id, bool up)
    {
        ArgumentNullException.ThrowIfNull(siblings);
        var ordered = siblings.OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToList();
        var index = ordered.FindIndex(i => i.Id == id);
        var other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= ordered.Count)
        {
            return [];
        }

        var (item, neighbour) = (ordered[index], ordered[other]);
        var itemOrder = neighbour.SortOrder;
        var neighbourOrder = item.SortOrder;
        if (itemOrder == neighbourOrder)
        {
            itemOrder += up ? -1 : 1;
        }

        return [new Placed(item.Id, itemOrder), new Placed(neighbour.Id, neighbourOrder)];
    }
}
