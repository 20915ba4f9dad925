using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Promotion;

/// <summary>A product on an e-commerce platform, from / until: target T6 reads it as its subject's e-commerce channel for that period.</summary>
public sealed class ListingEditModel(SectionContext section, SaveRegisterEntry<EcommerceListing, ListingRules.ListingInput> save) : RegisterEditPage<EcommerceListing, ListingRules.ListingInput>(section, save)
{
    public List<SelectListItem> Products { get; private set; } = [];

    protected override string ListPage => "/Promotion/Listings";

    protected override string SavedMessage => "Đã lưu gian hàng thương mại điện tử.";

    protected override async Task LoadOptionsAsync(CancellationToken ct) => Products = await Section.ProductOptionsAsync(Input.ProductId, null, ct);
}
