using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning;

/// <summary>
/// A new indicator, built from a measure kind the core knows and the parameters that kind uses
/// (<see cref="MeasureDefinition.Problems"/>), under a code no other indicator has. The program office and the
/// administrator set indicators (<see cref="PlanningAccess.CanEditPlans"/>).
/// </summary>
public sealed class AddIndicator(OcopDbContext db)
{
    public const string CodeTakenMessage = "Mã chỉ số này đã có.";

    public sealed class Command
    {
        [Required(ErrorMessage = "Nhập mã chỉ số."), StringLength(30, ErrorMessage = "Tối đa 30 ký tự.")] public string Code { get; set; } = "";
        [Required(ErrorMessage = "Nhập tên chỉ số."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string Name { get; set; } = "";
        [Required(ErrorMessage = "Chọn loại chỉ số.")] public MeasureKind? Kind { get; set; }
        public MeasureOutput Output { get; set; } = MeasureOutput.Count;
        [Range(3, 5, ErrorMessage = "Từ 3 đến 5 sao.")] public int MinStars { get; set; } = 3;
        [Range(3, 5, ErrorMessage = "Từ 3 đến 5 sao.")] public int MaxStars { get; set; } = 5;
        public List<LegalForm> LegalForms { get; set; } = [];
        public List<SalesChannels> Channels { get; set; } = [];
        public SupportKind? SupportKind { get; set; }
        public bool TraditionalOnly { get; set; }
        [StringLength(1000, ErrorMessage = "Tối đa 1.000 ký tự.")] public string? Description { get; set; }

        public MeasureDefinition Definition() => new(
            Kind ?? MeasureKind.ValidRecognitions, Output, MinStars, MaxStars, LegalForms,
            (Channels ?? []).Aggregate(SalesChannels.None, (all, c) => all | c), SupportKind, TraditionalOnly);
    }

    public sealed record Added(int IndicatorId, string Code);

    /// <param name="save">False when the caller only wants the command checked (a form with a value it could not read).</param>
    public async Task<WriteResult<Added>> RunAsync(UserScope scope, Command command, bool save = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!PlanningAccess.CanEditPlans(scope.Role))
        {
            return WriteResult.Refused<Added>("Chỉ văn phòng Chương trình OCOP và quản trị hệ thống thêm chỉ số.");
        }

        command.LegalForms ??= [];
        command.Channels ??= [];
        var errors = FieldErrorList.Annotations(command);
        var code = (command.Code ?? "").Trim();
        if (command.Kind is not null && !errors.Any)
        {
            foreach (var problem in command.Definition().Problems())
            {
                errors.Add(nameof(Command.Kind), problem);
            }
        }

        if (code.Length > 0 && await db.Indicators.AnyAsync(i => i.Code == code, ct))
        {
            errors.Add(nameof(Command.Code), CodeTakenMessage);
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Added>(errors);
        }

        if (!save)
        {
            return WriteResult.Done(new Added(0, code));
        }

        var d = command.Definition();
        var indicator = db.Indicators.Add(new Indicator
        {
            Code = code,
            Name = command.Name.Trim(),
            Kind = d.Kind,
            Output = d.Output,
            MinStars = d.MinStars,
            MaxStars = d.MaxStars,
            LegalForms = d.Kind == MeasureKind.SubjectsByLegalForm ? string.Join(',', command.LegalForms.Distinct()) : null,
            Channels = d.Kind == MeasureKind.SubjectsWithChannels ? d.Channels : SalesChannels.None,
            SupportKind = d.Kind == MeasureKind.SupportedProducts ? d.Support : null,
            TraditionalOnly = d.Kind == MeasureKind.CraftVillagesWithProduct && d.TraditionalOnly,
            Description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim(),
        }).Entity;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request may have taken the code between the check and the save.
            if (!await db.Indicators.AsNoTracking().AnyAsync(i => i.Code == code, ct))
            {
                throw;
            }

            db.Entry(indicator).State = EntityState.Detached;
            var taken = new FieldErrorList();
            taken.Add(nameof(Command.Code), CodeTakenMessage);
            return WriteResult.Invalid<Added>(taken);
        }

        return WriteResult.Done(new Added(indicator.Id, code));
    }
}
