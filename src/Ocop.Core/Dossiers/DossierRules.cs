using Ocop.Core.Access;
using Ocop.Core.Evaluation;

namespace Ocop.Core.Dossiers;

/// <summary>What a person can do to a dossier in one step.</summary>
public enum DossierAction
{
    Edit = 1,
    Submit = 2,
    Return = 3,
    Accept = 4,
}

/// <summary>The states of a dossier (mirrors the stored state).</summary>
public enum DossierStage
{
    Draft = 1,
    Submitted = 2,
    Returned = 3,
    Accepted = 4,
    Evaluated = 5,
}

/// <summary>One checklist item as the completeness rule sees it.</summary>
public sealed record ChecklistEntry(int Id, string Title, bool Required);

/// <summary>How complete a dossier is: required items with at least one file, and those still missing.</summary>
public sealed record Completeness(int RequiredTotal, int RequiredDone, int OptionalTotal, int OptionalDone, IReadOnlyList<ChecklistEntry> Missing)
{
    public bool IsComplete => Missing.Count == 0;

    /// <summary>Whole percent of the required items done, 100 when nothing is required.</summary>
    public int Percent => RequiredTotal == 0 ? 100 : RequiredDone * 100 / RequiredTotal;
}

/// <summary>
/// The dossier rules: which checklist items apply to a product, when a dossier is complete, and who may move it.
/// The producer prepares and submits; the program office or the commune officer of the product's commune may do
/// it for them. Checking the dossier (return with reasons, accept) belongs to the program office and, because the
/// commune checks dossiers before forwarding them under 1489/2025 and 26/2026, to the officer of that commune.
/// "Evaluated" is set by the evaluation round, never by hand.
/// </summary>
public static class DossierRules
{
    /// <summary>An item applies when its prefix is empty or a whole segment prefix of the product's category code ("I" covers "I.3.b", not "II.1").</summary>
    public static bool Applies(string categoryPrefix, DossierVariant? onlyFor, string categoryCode, DossierVariant variant)
    {
        ArgumentNullException.ThrowIfNull(categoryPrefix);
        ArgumentNullException.ThrowIfNull(categoryCode);
        var prefix = categoryPrefix.Trim();
        var prefixMatches = prefix.Length == 0
            || string.Equals(categoryCode, prefix, StringComparison.Ordinal)
            || categoryCode.StartsWith(prefix + ".", StringComparison.Ordinal);
        return prefixMatches && (onlyFor is null || onlyFor == variant);
    }

    public static Completeness Assess(IEnumerable<ChecklistEntry> items, IReadOnlySet<int> itemsWithFiles)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(itemsWithFiles);
        var list = items.ToList();
        var required = list.Where(i => i.Required).ToList();
        var optional = list.Where(i => !i.Required).ToList();
        return new Completeness(
            required.Count,
            required.Count(i => itemsWithFiles.Contains(i.Id)),
            optional.Count,
            optional.Count(i => itemsWithFiles.Contains(i.Id)),
            required.Where(i => !itemsWithFiles.Contains(i.Id)).ToList());
    }

    /// <summary>Documents and notes change only while the dossier is being prepared or was returned for more.</summary>
    public static bool IsOpenForChanges(DossierStage stage) => stage is DossierStage.Draft or DossierStage.Returned;

    /// <summary>The state an action leads to from a state, or null when the action is not possible there.</summary>
    public static DossierStage? Next(DossierStage stage, DossierAction action) => (stage, action) switch
    {
        (DossierStage.Draft or DossierStage.Returned, DossierAction.Edit) => stage,
        (DossierStage.Draft or DossierStage.Returned, DossierAction.Submit) => DossierStage.Submitted,
        (DossierStage.Submitted, DossierAction.Return) => DossierStage.Returned,
        (DossierStage.Submitted, DossierAction.Accept) => DossierStage.Accepted,
        _ => null,
    };

    /// <summary>Whether a role may take an action on a dossier whose product the user may edit (<paramref name="editsProduct"/>).</summary>
    public static bool MayAct(Role role, bool editsProduct, DossierAction action)
    {
        if (!editsProduct)
        {
            return false;
        }

        return action switch
        {
            DossierAction.Edit or DossierAction.Submit =>
                role is Role.Administrator or Role.ProgramOffice or Role.CommuneOfficer or Role.Producer,
            DossierAction.Return or DossierAction.Accept =>
                role is Role.Administrator or Role.ProgramOffice or Role.CommuneOfficer,
            _ => false,
        };
    }

    /// <summary>Whether the person may do it now: the role may, and the state allows it.</summary>
    public static bool Allowed(Role role, bool editsProduct, DossierStage stage, DossierAction action) =>
        MayAct(role, editsProduct, action) && Next(stage, action) is not null;
}
