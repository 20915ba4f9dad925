using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Promotion;

public sealed class SalesPointsModel(SectionContext section) : RegisterListPage<SalesPointRow>(section)
{
    protected override RegisterDefinition<SalesPointRow> Definition => PromotionRegisters.SalesPoints;

    protected override IReadOnlyList<(string Label, string Page)> Related => PromotionRegisters.Pages;
}
