using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Protection;

/// <summary>How a product is traced: the system and the code on its label, from / until.</summary>
public sealed class TraceabilityEditModel(SectionContext section, SaveRegisterEntry<ProductTraceability, TraceabilityRules.TraceInput> save) : RegisterEditPage<ProductTraceability, TraceabilityRules.TraceInput>(section, save)
{
    public List<SelectListItem> Products { get; private set; } = [];

    protected override string ListPage => "/Protection/Traceability";

    protected override string SavedMessage => "Đã lưu truy xuất nguồn gốc.";

    protected override async Task LoadOptionsAsync(CancellationToken ct) => Products = await Section.ProductOptionsAsync(Input.ProductId, null, ct);
}
