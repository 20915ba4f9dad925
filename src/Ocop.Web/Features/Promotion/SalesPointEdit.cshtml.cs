using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Shared;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Promotion;

/// <summary>
/// An OCOP sales point: operator, address and position (for the public map), opening decision and dates, and the products on
/// sale with the days each was put on and taken off sale (target T6 reads them as the sales-point channel of their subjects).
/// </summary>
public sealed class SalesPointEditModel(SectionContext section, SaveRegisterEntry<SalesPoint, SalesPointRules.PointInput> save) : RegisterEditPage<SalesPoint, SalesPointRules.PointInput>(section, save)
{
    public const int BlankProducts = 5;

    public List<SelectListItem> Communes { get; private set; } = [];
    public List<SelectListItem> Subjects { get; private set; } = [];
    public List<SelectListItem> Products { get; private set; } = [];

    protected override string ListPage => "/Promotion/SalesPoints";

    protected override string SavedMessage => "Đã lưu điểm bán sản phẩm OCOP.";

    protected override async Task LoadOptionsAsync(CancellationToken ct)
    {
        Communes = await Lookups.CommunesAsync(Section.Db, (await Section.ScopeAsync(ct)).User, Input.CommuneId, ct);
        Subjects = await Section.SubjectOptionsAsync(Input.OperatorSubjectId, ct);
        Products = await Section.ProductOptionsAsync(null, null, ct);
        while (Input.Products.Count(e => e.ProductId is null) < BlankProducts)
        {
            Input.Products.Add(new SalesPointRules.OfferInput());
        }
    }
}
