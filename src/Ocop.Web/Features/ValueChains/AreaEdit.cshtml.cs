using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Planning;
using Ocop.Web.Features.Shared;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.ValueChains;

/// <summary>
/// A raw-material area with the subjects tied to it, each from / until: target T4 reads a link as the subject's green value
/// chain tied to a stable raw-material area for the link's period, within the area's own (docs/support.md).
/// </summary>
public sealed class AreaEditModel(SectionContext section, SaveRegisterEntry<RawMaterialArea, AreaRules.AreaInput> save) : RegisterEditPage<RawMaterialArea, AreaRules.AreaInput>(section, save)
{
    public const int BlankLinks = 3;

    public List<SelectListItem> Communes { get; private set; } = [];
    public List<SelectListItem> Subjects { get; private set; } = [];

    protected override string ListPage => "/ValueChains/Areas";

    protected override string SavedMessage => "Đã lưu vùng nguyên liệu.";

    protected override async Task LoadOptionsAsync(CancellationToken ct)
    {
        Communes = await Lookups.CommunesAsync(Section.Db, (await Section.ScopeAsync(ct)).User, Input.CommuneId, ct);
        Subjects = await Section.SubjectOptionsAsync(null, ct);
        while (Input.Links.Count(l => l.SubjectId is null) < BlankLinks)
        {
            Input.Links.Add(new AreaRules.LinkInput());
        }
    }
}
