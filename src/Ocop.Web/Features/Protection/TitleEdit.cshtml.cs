using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Protection;

/// <summary>
/// A title of the IP register. Target T7 reads a brand or a mark naming a product while it stands: from its filing (or
/// grant) until the day it was refused, withdrawn or lapsed (docs/support.md).
/// </summary>
public sealed class TitleEditModel(SectionContext section, SaveRegisterEntry<IpTitle, TitleRules.TitleInput> save) : RegisterEditPage<IpTitle, TitleRules.TitleInput>(section, save)
{
    public List<SelectListItem> Subjects { get; private set; } = [];
    public List<SelectListItem> Products { get; private set; } = [];

    protected override string ListPage => "/Protection/Titles";

    protected override string SavedMessage => "Đã lưu văn bằng, đơn sở hữu trí tuệ.";

    protected override async Task LoadOptionsAsync(CancellationToken ct)
    {
        Subjects = await Section.SubjectOptionsAsync(Input.SubjectId, ct);
        Products = await Section.ProductOptionsAsync(Input.ProductId, null, ct);
    }
}
