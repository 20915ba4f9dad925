namespace Ocop.Core.Evaluation;

/// <summary>Who looks at a round's scoring.</summary>
public enum CouncilViewer
{
    /// <summary>A council member who scores (any position), or the chair or secretary: see <see cref="CouncilVisibility"/>.</summary>
    Member = 1,
    Chair = 2,
    Secretary = 3,

    /// <summary>The program office, departments, leaders: they run or follow the round without scoring.</summary>
    Office = 4,
    Leader = 5,

    /// <summary>Anyone else (a producer, a commune officer): no access to rounds at all.</summary>
    Outsider = 6,
}

/// <summary>What one viewer may see of one product's scoring.</summary>
/// <param name="SubmittedCount">How many sheets are in (x of y).</param>
/// <param name="WhoSubmitted">Which members have submitted, by name (the chair needs it to close).</param>
/// <param name="OwnSheet">The viewer's own sheet and its totals.</param>
/// <param name="AllSheets">Every member's totals.</param>
/// <param name="Result">The means, the star, the outcome and the consistency flags.</param>
public sealed record ProductView(bool SubmittedCount, bool WhoSubmitted, bool OwnSheet, bool AllSheets, bool Result)
{
    public static readonly ProductView Nothing = new(false, false, false, false, false);

    public bool SeesAnything => SubmittedCount || WhoSubmitted || OwnSheet || AllSheets || Result;
}

/// <summary>
/// A council kept like a good program committee: while a round is open, a member sees only their own sheets and how
/// many sheets are in; the chair and the secretary see who has submitted, never the scores; the office and leaders see
/// the same progress; a member recused from a product sees nothing of its scoring. Once the chair closes the round the
/// results are the council's conclusion: everyone who may read the round sees every sheet and the result.
/// </summary>
public static class CouncilVisibility
{
    public static ProductView For(CouncilViewer viewer, bool roundClosed, bool recused)
    {
        if (viewer == CouncilViewer.Outsider)
        {
            return ProductView.Nothing;
        }

        if (roundClosed)
        {
            return new ProductView(true, true, viewer is CouncilViewer.Member or CouncilViewer.Chair or CouncilViewer.Secretary, true, true);
        }

        if (recused)
        {
            return ProductView.Nothing;
        }

        return viewer switch
        {
            CouncilViewer.Member => new ProductView(true, false, true, false, false),
            CouncilViewer.Chair or CouncilViewer.Secretary => new ProductView(true, true, true, false, false),
            _ => new ProductView(true, true, false, false, false),
        };
    }
}
