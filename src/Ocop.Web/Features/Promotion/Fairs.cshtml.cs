using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Promotion;

public sealed class FairsModel(SectionContext section) : RegisterListPage<FairRow>(section)
{
    protected override RegisterDefinition<FairRow> Definition => PromotionRegisters.Fairs;

    protected override IReadOnlyList<(string Label, string Page)> Related => PromotionRegisters.Pages;
}
