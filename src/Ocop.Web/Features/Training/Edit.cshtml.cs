using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Dossiers;
using Ocop.Web.Features.Support;

namespace Ocop.Web.Features.Training;

/// <summary>A training or communication event: when, where, who organised it, who came (count, women, subjects), its materials and files.</summary>
[RequestSizeLimit(DocumentStore.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = DocumentStore.RequestLimit)]
public sealed class EditModel(SectionContext section, SaveRegisterEntry<TrainingEvent, TrainingRules.EventInput> save) : RegisterEditPage<TrainingEvent, TrainingRules.EventInput>(section, save)
{
    public List<SelectListItem> Units { get; private set; } = [];
    public List<SelectListItem> Offices { get; private set; } = [];
    public List<SelectListItem> Subjects { get; private set; } = [];

    protected override string ListPage => "/Training/Index";

    protected override string SavedMessage => "Đã lưu hoạt động đào tạo, truyền thông.";

    protected override string FilesLegend => "Tài liệu đính kèm";

    protected override async Task LoadOptionsAsync(CancellationToken ct)
    {
        Units = await Section.UnitsInReachAsync(Input.UnitId, ct);
        Offices = await Section.OfficeOptionsAsync(Input.OfficeId, ct);
        Subjects = await Section.SubjectOptionsAsync(null, ct);
        foreach (var s in Subjects)
        {
            s.Selected = Input.SubjectIds.Contains(int.Parse(s.Value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
