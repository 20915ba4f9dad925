using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Promotion;

public sealed class RoutesModel(SectionContext section) : RegisterListPage<TourismRouteRow>(section)
{
    protected override RegisterDefinition<TourismRouteRow> Definition => PromotionRegisters.Routes;

    protected override IReadOnlyList<(string Label, string Page)> Related => PromotionRegisters.Pages;
}
