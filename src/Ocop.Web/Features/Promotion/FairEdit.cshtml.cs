using Microsoft.AspNetCore.Mvc.Rendering;
using Ocop.Web.Data;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Promotion;

/// <summary>Records a trade fair or exhibition with the products that took part and what each sold (<see cref="FairRules"/>).</summary>
public sealed class FairEditModel(SectionContext section, SaveRegisterEntry<TradeFair, FairRules.FairInput> save) : RegisterEditPage<TradeFair, FairRules.FairInput>(section, save)
{
    public const int BlankEntries = 5;

    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> Offices { get; private set; } = [];
    public List<SelectListItem> Products { get; private set; } = [];

    protected override string ListPage => "/Promotion/Fairs";

    protected override string SavedMessage => "Đã lưu hội chợ, triển lãm.";

    protected override async Task LoadOptionsAsync(CancellationToken ct)
    {
        Units = await Section.UnitsInReachAsync(Input.UnitId, ct);
        Offices = await Section.OfficeOptionsAsync(Input.OfficeId, ct);
        Products = await Section.ProductOptionsAsync(null, null, ct);
        while (Input.Entries.Count(e => e.ProductId is null) < BlankEntries)
        {
            Input.Entries.Add(new FairRules.EntryInput());
        }
    }
}
