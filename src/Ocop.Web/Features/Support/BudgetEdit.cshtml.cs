using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Shared;

namespace Ocop.Web.Features.Support;

/// <summary>A budget allocation for a year and source (plan IV.2); the rules are <see cref="BudgetRules"/>'.</summary>
public sealed class BudgetEditModel(SectionContext section, SaveRegisterEntry<BudgetAllocation, BudgetRules.AllocationInput> save)
    : RegisterEditPage<BudgetAllocation, BudgetRules.AllocationInput>(section, save)
{
    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> Offices { get; private set; } = [];
    public List<SelectListItem> Communes { get; private set; } = [];
    public string? AllocatingOfficeName { get; private set; }
    public bool ChoosesAllocatingOffice { get; private set; }

    protected override string ListPage => "/Support/Budgets";

    protected override string SavedMessage => "Đã lưu dự toán kinh phí.";

    protected override async Task LoadOptionsAsync(CancellationToken ct)
    {
        var scope = await Section.ScopeAsync(ct);
        Units = await Section.UnitsInReachAsync(Input.UnitId, ct);
        Offices = await Section.OfficeOptionsAsync(Input.OfficeId, ct);
        Communes = await Lookups.CommunesAsync(Section.Db, scope.User, Input.CommuneId, ct);
        ChoosesAllocatingOffice = scope.Role == Role.Administrator;
        var by = Input.AllocatedByOfficeId ?? (scope.Role == Role.CommuneOfficer ? null : scope.OfficeId);
        AllocatingOfficeName = by is int o ? await Section.Db.Offices.Where(x => x.Id == o).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
    }
}
