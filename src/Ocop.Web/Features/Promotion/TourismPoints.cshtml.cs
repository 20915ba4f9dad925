using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Promotion;

public sealed class TourismPointsModel(SectionContext section) : RegisterListPage<TourismPointRow>(section)
{
    protected override RegisterDefinition<TourismPointRow> Definition => PromotionRegisters.TourismPoints;

    protected override IReadOnlyList<(string Label, string Page)> Related => PromotionRegisters.Pages;
}
