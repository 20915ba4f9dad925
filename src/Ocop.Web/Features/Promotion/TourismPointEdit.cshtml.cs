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

namespace Ocop.Web.Features.Promotion;

/// <summary>A community tourism point: a producer, craft village, sales point or site, with its place and position for the public map.</summary>
public sealed class TourismPointEditModel(SectionContext section, SaveRegisterEntry<TourismPoint, TourismPointRules.PointInput> save) : RegisterEditPage<TourismPoint, TourismPointRules.PointInput>(section, save)
{
    public List<SelectListItem> Communes { get; private set; } = [];
    public List<SelectListItem> Subjects { get; private set; } = [];
    public List<SelectListItem> Villages { get; private set; } = [];
    public List<SelectListItem> SalesPoints { get; private set; } = [];

    protected override string ListPage => "/Promotion/TourismPoints";

    protected override string SavedMessage => "Đã lưu điểm du lịch.";

    protected override async Task LoadOptionsAsync(CancellationToken ct)
    {
        var scope = await Section.ScopeAsync(ct);
        Communes = await Lookups.CommunesAsync(Section.Db, scope.User, Input.CommuneId, ct);
        Subjects = await Section.SubjectOptionsAsync(Input.SubjectId, ct);
        var villages = await Section.Db.CraftVillages.AsNoTracking().Where(v => !v.IsArchived || v.Id == Input.CraftVillageId)
            .OrderBy(v => v.Name).Select(v => new { v.Id, v.Name, v.CommuneId }).ToListAsync(ct);
        Villages = villages.Where(v => scope.InScope(v.CommuneId) || v.Id == Input.CraftVillageId)
            .Select(v => new SelectListItem(v.Name, PlanDisplay.Id(v.Id), v.Id == Input.CraftVillageId)).ToList();
        var points = await Section.Db.SalesPoints.AsNoTracking().Where(p => !p.IsArchived || p.Id == Input.SalesPointId)
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, p.CommuneId }).ToListAsync(ct);
        SalesPoints = points.Where(p => scope.InScope(p.CommuneId) || p.Id == Input.SalesPointId)
            .Select(p => new SelectListItem(p.Name, PlanDisplay.Id(p.Id), p.Id == Input.SalesPointId)).ToList();
    }
}
