using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Promotion;

public sealed class ListingsModel(SectionContext section) : RegisterListPage<ListingRow>(section)
{
    protected override RegisterDefinition<ListingRow> Definition => PromotionRegisters.Listings;

    protected override IReadOnlyList<(string Label, string Page)> Related => PromotionRegisters.Pages;
}
