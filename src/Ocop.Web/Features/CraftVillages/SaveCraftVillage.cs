using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Shared;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.CraftVillages;

/// <summary>
/// Creates or edits a craft village, with the days its recognition began and ended (a village counts for T5 only
/// between them): the one write path of the village form and of any other caller.
/// </summary>
public sealed class SaveCraftVillage(OcopDbContext db, TimeProvider clock)
{
    public const string StaleMessage = "Làng nghề vừa được người khác thay đổi. Tải lại trang rồi sửa lại.";

    public sealed class Command
    {
        /// <summary>The village changed; null for a new one. Set by the caller from the route, never from the body.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever, System.Text.Json.Serialization.JsonIgnore]
        public int? Id { get; set; }
        [Required(ErrorMessage = "Nhập tên làng nghề."), StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string Name { get; set; } = "";
        [Required(ErrorMessage = "Chọn xã.")] public int? CommuneId { get; set; }
        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string? RecognitionDecision { get; set; }
        public bool IsTraditional { get; set; }
        public DateOnly? RecognisedOn { get; set; }
        public DateOnly? EndedOn { get; set; }
        [StringLength(1000, ErrorMessage = "Tối đa 1.000 ký tự.")] public string? Description { get; set; }
        /// <summary>Archives the village (a change only; a new village is never archived).</summary>
        public bool IsArchived { get; set; }
        /// <summary>The version the change was made from (a change only).</summary>
        public int Version { get; set; }
    }

    public sealed record Saved(int Id, int Version, bool Created);

    public async Task<WriteResult<Saved>> RunAsync(UserScope scope, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        if (!RegistryAccess.CanCreateSubject(scope.Role))
        {
            return WriteResult.Refused<Saved>("Bạn không được sửa làng nghề.");
        }

        CraftVillage? village = null;
        if (command.Id is int id)
        {
            village = await db.CraftVillages.SingleOrDefaultAsync(x => x.Id == id, ct);
            if (village is null || !scope.CanRead(village.CommuneId))
            {
                return WriteResult.NotFound<Saved>("Không tìm thấy làng nghề.");
            }

            if (!scope.CanEdit(village.CommuneId))
            {
                return WriteResult.Refused<Saved>("Bạn không được sửa làng nghề này.");
            }

            if (village.Version != command.Version)
            {
                return WriteResult.Stale<Saved>(StaleMessage);
            }
        }

        var errors = FieldErrorList.Annotations(command);
        if (command.CommuneId is int commune && !scope.CanCreateIn(commune))
        {
            errors.Add(nameof(Command.CommuneId), "Bạn không phụ trách xã này.");
        }
        else if (command.CommuneId is int chosen && await Lookups.CommuneProblemAsync(db, chosen, village?.CommuneId, ct) is string problem)
        {
            errors.Add(nameof(Command.CommuneId), problem);
        }

        if (command.RecognisedOn > Display.Today(clock))
        {
            errors.Add(nameof(Command.RecognisedOn), "Ngày công nhận không được sau hôm nay.");
        }

        if (command.EndedOn is DateOnly ended && command.RecognisedOn is DateOnly recognised && ended <= recognised)
        {
            errors.Add(nameof(Command.EndedOn), "Ngày thôi công nhận phải sau ngày công nhận.");
        }

        if (errors.Any)
        {
            return WriteResult.Invalid<Saved>(errors);
        }

        var isNew = village is null;
        village ??= db.CraftVillages.Add(new CraftVillage { Name = "" }).Entity;
        village.Name = command.Name.Trim();
        village.CommuneId = command.CommuneId!.Value;
        village.RecognitionDecision = string.IsNullOrWhiteSpace(command.RecognitionDecision) ? null : command.RecognitionDecision.Trim();
        village.IsTraditional = command.IsTraditional;
        village.RecognisedOn = command.RecognisedOn;
        village.EndedOn = command.EndedOn;
        village.Description = string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim();
        village.IsArchived = !isNew && command.IsArchived;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        return WriteResult.Done(new Saved(village.Id, village.Version, isNew));
    }
}
