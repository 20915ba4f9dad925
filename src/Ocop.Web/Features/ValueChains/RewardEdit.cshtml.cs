using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.ValueChains;

/// <summary>A reward or commendation of a producer (plan III.2: "khen thưởng"), perhaps for one product.</summary>
public sealed class RewardEditModel(SectionContext section, SaveRegisterEntry<Reward, RewardRules.RewardInput> save) : RegisterEditPage<Reward, RewardRules.RewardInput>(section, save)
{
    public List<SelectListItem> Subjects { get; private set; } = [];
    public List<SelectListItem> Products { get; private set; } = [];

    protected override string ListPage => "/ValueChains/Rewards";

    protected override string SavedMessage => "Đã lưu khen thưởng.";

    protected override async Task LoadOptionsAsync(CancellationToken ct)
    {
        Subjects = await Section.SubjectOptionsAsync(Input.SubjectId, ct);
        Products = await Section.ProductOptionsAsync(Input.ProductId, null, ct);
    }
}
