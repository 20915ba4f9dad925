using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Planning;
using Ocop.Core.Support;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Features.Support;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Planning.Support;

/// <summary>
/// Records or corrects one support given to a subject (and maybe one product): its source, policy, responsible office,
/// the budget allocation it is charged to (same year and source, never past what is left), amounts committed and paid,
/// evidence files. The one write path of the support form, the API and the importer. Archived, never deleted; every
/// change is audited.
/// </summary>
public sealed class SaveSupportRecord(OcopDbContext db, UnitDirectory directory, Dossiers.DocumentStore store, TimeProvider clock)
{
    public const string StaleMessage = "Hồ sơ vừa được người khác thay đổi. Tải lại trang rồi sửa lại.";

    /// <summary>The field evidence files' problems are reported under (the form's file input).</summary>
    public const string FilesField = "Files";

    private SectionScope? section;

    public sealed class Command
    {
        /// <summary>The record changed; null for a new one. Set by the caller from the route, never from the body.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever, System.Text.Json.Serialization.JsonIgnore]
        public int? Id { get; set; }
        [Required(ErrorMessage = "Chọn chủ thể.")] public int? SubjectId { get; set; }
        public int? ProductId { get; set; }
        [Required(ErrorMessage = "Chọn loại hỗ trợ.")] public SupportKind? Kind { get; set; }
        [Required(ErrorMessage = "Nhập nội dung hỗ trợ."), StringLength(1000, ErrorMessage = "Tối đa 1.000 ký tự.")] public string Description { get; set; } = "";
        [Required(ErrorMessage = "Nhập ngày hỗ trợ.")] public DateOnly? On { get; set; }
        [Range(0, long.MaxValue, ErrorMessage = "Kinh phí không âm.")] public long? AmountVnd { get; set; }
        [StringLength(200, ErrorMessage = "Tối đa 200 ký tự.")] public string? Reference { get; set; }
        [Range(0, long.MaxValue, ErrorMessage = "Số đã chi không âm.")] public long? PaidVnd { get; set; }
        public FundingSource? Source { get; set; }
        public int? PolicyId { get; set; }
        public int? OfficeId { get; set; }
        public int? BudgetAllocationId { get; set; }
        public bool IsArchived { get; set; }
        /// <summary>The version the change was made from (a change only).</summary>
        public int Version { get; set; }
    }

    public sealed record Saved(int Id, int Version, bool Created, bool Changed);

    /// <summary>The user may record support for a subject of this commune.</summary>
    public static bool MayRecord(UserScope scope, int communeId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return PlanningAccess.ForSupportRecord(scope.Role, scope.ReachesEveryUnit || scope.CommuneIds.Contains(communeId)) == RecordAccess.Edit;
    }

    /// <summary>The command as a record holds it: what a form shows and an API client sends back, changed.</summary>
    public static Command From(SupportRecord x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return new Command
        {
            Id = x.Id,
            SubjectId = x.SubjectId,
            ProductId = x.ProductId,
            Kind = x.Kind,
            Description = x.Description,
            On = x.On,
            AmountVnd = x.AmountVnd,
            Reference = x.Reference,
            IsArchived = x.IsArchived,
            Version = x.Version,
            PaidVnd = x.PaidVnd,
            Source = x.Source,
            PolicyId = x.PolicyId,
            OfficeId = x.OfficeId,
            BudgetAllocationId = x.BudgetAllocationId,
        };
    }

    /// <summary>Checks and writes the command, with its evidence files, for the user of <paramref name="scope"/>.</summary>
    /// <param name="files">Evidence to attach: each is checked by its content and stored; a refused file writes nothing, a failed save removes what was stored.</param>
    /// <param name="save">False when the caller saves many commands at once in its own transaction (the importer; no files then).</param>
    public async Task<WriteResult<Saved>> RunAsync(UserScope scope, Command command, IReadOnlyList<IFormFile>? files = null, bool save = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        files ??= [];
        if (!save && files.Count > 0)
        {
            throw new ArgumentException("Files are stored only by a command that saves itself.", nameof(files));
        }

        if (PlanningAccess.ForSupportRecord(scope.Role, inScope: true) != RecordAccess.Edit)
        {
            return WriteResult.Refused<Saved>("Bạn không được ghi hồ sơ hỗ trợ.");
        }

        SupportRecord? record = null;
        if (command.Id is int id)
        {
            record = await db.SupportRecords.SingleOrDefaultAsync(x => x.Id == id, ct);
            var commune = record is null ? 0 : await db.Subjects.Where(s => s.Id == record.SubjectId).Select(s => s.CommuneId).SingleAsync(ct);
            if (record is null || !MayRecord(scope, commune))
            {
                return WriteResult.NotFound<Saved>("Không tìm thấy hồ sơ hỗ trợ.");
            }
        }

        var errors = FieldErrorList.Annotations(command);
        await CheckAsync(scope, command, record, errors, ct);
        if (errors.Any)
        {
            return WriteResult.Invalid<Saved>(errors);
        }

        if (record is not null && record.Version != command.Version)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        var stored = await store.SaveAllAsync(files, errors, FilesField, ct);
        if (errors.Any)
        {
            return WriteResult.Invalid<Saved>(errors);
        }

        var isNew = record is null;
        record ??= db.SupportRecords.Add(new SupportRecord { Description = "" }).Entity;
        record.SubjectId = command.SubjectId!.Value;
        record.ProductId = command.ProductId;
        record.Kind = command.Kind!.Value;
        record.Description = command.Description.Trim();
        record.On = command.On!.Value;
        record.AmountVnd = command.AmountVnd;
        record.Reference = string.IsNullOrWhiteSpace(command.Reference) ? null : command.Reference.Trim();
        record.IsArchived = !isNew && command.IsArchived;
        record.PaidVnd = command.PaidVnd;
        record.Source = command.Source;
        record.PolicyId = command.PolicyId;
        record.OfficeId = command.OfficeId;
        record.BudgetAllocationId = command.BudgetAllocationId;
        var changed = isNew || stored.Count > 0 || db.Entry(record).Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue));
        if (!save)
        {
            return WriteResult.Done(new Saved(record.Id, record.Version, isNew, changed));
        }

        try
        {
            // The record and its files' rows in one transaction: a failed save leaves neither, and removes the stored files.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            if (stored.Count > 0)
            {
                db.SectionFiles.AddRange(stored.Select(s => new SectionFile
                {
                    OwnerType = nameof(SupportRecord),
                    OwnerId = record.Id,
                    StoredName = s.Saved.StoredName,
                    OriginalName = Dossiers.DocumentStore.OriginalName(s.File.FileName),
                    ContentType = s.Saved.ContentType,
                    SizeBytes = s.Saved.SizeBytes,
                    UploadedAt = clock.GetUtcNow().UtcDateTime,
                }));
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            stored.ForEach(s => store.Discard(s.Saved.StoredName));
            return WriteResult.Stale<Saved>(StaleMessage);
        }
        catch
        {
            stored.ForEach(s => store.Discard(s.Saved.StoredName));
            throw;
        }

        return WriteResult.Done(new Saved(record.Id, record.Version, isNew, changed));
    }

    /// <summary>Every rule of a support record; each refusal goes to its field.</summary>
    private async Task CheckAsync(UserScope scope, Command command, SupportRecord? record, FieldErrorList errors, CancellationToken ct)
    {
        if (command.Kind is SupportKind kind && !Enum.IsDefined(kind))
        {
            errors.Add(nameof(Command.Kind), "Loại hỗ trợ không hợp lệ.");
        }

        if (command.Source is FundingSource source && !Enum.IsDefined(source))
        {
            errors.Add(nameof(Command.Source), "Nguồn kinh phí không hợp lệ.");
        }

        if (command.SubjectId is int subjectId)
        {
            var subject = await scope.Visible(db.Subjects).AsNoTracking().Where(s => s.Id == subjectId).Select(s => new { s.CommuneId }).SingleOrDefaultAsync(ct);
            if (subject is null || !MayRecord(scope, subject.CommuneId))
            {
                errors.Add(nameof(Command.SubjectId), "Bạn không phụ trách chủ thể này.");
            }
            else if (command.ProductId is int productId && !await db.Products.AnyAsync(p => p.Id == productId && p.SubjectId == subjectId, ct))
            {
                errors.Add(nameof(Command.ProductId), "Sản phẩm không thuộc chủ thể đã chọn.");
            }
        }

        // Brand and trademark support is given to a product, and target T7 counts products.
        if (command.Kind is SupportKind.Brand or SupportKind.Trademark && command.ProductId is null)
        {
            errors.Add(nameof(Command.ProductId), "Hỗ trợ thương hiệu, nhãn hiệu là cho một sản phẩm: chọn sản phẩm (chỉ tiêu T7 đếm sản phẩm).");
        }

        if (command.PaidVnd > (command.AmountVnd ?? 0))
        {
            errors.Add(nameof(Command.PaidVnd), "Số đã chi không lớn hơn kinh phí hỗ trợ.");
        }

        if (command.PolicyId is int policyId)
        {
            var policy = await db.SupportPolicies.AsNoTracking().Where(p => p.Id == policyId).Select(p => new { p.IsArchived }).SingleOrDefaultAsync(ct);
            if (policy is null || (policy.IsArchived && record?.PolicyId != policyId))
            {
                errors.Add(nameof(Command.PolicyId), "Chính sách không có hoặc đã lưu trữ.");
            }
        }

        if (command.OfficeId is int officeId && !await OfficeInReachAsync(scope, officeId, ct))
        {
            errors.Add(nameof(Command.OfficeId), "Phòng, ban không có hoặc không thuộc đơn vị bạn phụ trách.");
        }

        if (command.BudgetAllocationId is int allocationId)
        {
            var allocation = await db.BudgetAllocations.AsNoTracking().SingleOrDefaultAsync(a => a.Id == allocationId, ct);
            if (allocation is null || BudgetFigures.AccessTo(await SectionAsync(scope, ct), allocation.UnitId, allocation.CommuneId, allocation.AllocatedByOfficeId) == RecordAccess.None)
            {
                errors.Add(nameof(Command.BudgetAllocationId), "Dự toán không có hoặc bạn không phụ trách.");
            }
            else if (command.On is DateOnly on)
            {
                var others = await db.SupportRecords.AsNoTracking().Where(r => r.BudgetAllocationId == allocationId && r.Id != (command.Id ?? 0))
                    .Select(r => new SpendingFact(r.Id, r.On, r.Source, r.AmountVnd ?? 0, r.PaidVnd ?? 0, r.OfficeId, 0, r.SubjectId, r.BudgetAllocationId, r.IsArchived))
                    .ToListAsync(ct);
                // An archived record that stays archived charges nothing: its allocation may since have been spent.
                var unchanged = record is not null && record.BudgetAllocationId == allocationId && record.IsArchived && command.IsArchived;
                if (!unchanged && BudgetSums.ChargeProblem(allocation.ToFact(), on, command.Source, command.AmountVnd ?? 0, others) is string problem)
                {
                    errors.Add(nameof(Command.BudgetAllocationId), problem);
                }
            }
        }
    }

    /// <summary>An office of the units the user works in (the form offers these), not archived.</summary>
    private async Task<bool> OfficeInReachAsync(UserScope scope, int officeId, CancellationToken ct)
    {
        var office = await db.Offices.AsNoTracking().Where(o => o.Id == officeId && !o.IsArchived).Select(o => new { o.UnitId }).SingleOrDefaultAsync(ct);
        return office is not null && (scope.ReachesEveryUnit || (await SectionAsync(scope, ct)).CommunesOf(office.UnitId).Overlaps(scope.CommuneIds));
    }

    /// <summary>The user as the registers of section III see them, loaded once per handler (a request, or a whole import).</summary>
    private async Task<SectionScope> SectionAsync(UserScope scope, CancellationToken ct)
    {
        if (section is null || !ReferenceEquals(section.User, scope))
        {
            var units = await directory.GetAsync(db, ct);
            var office = await db.OfficeMembers.AsNoTracking().Where(m => m.UserId == scope.UserId).Select(m => (int?)m.OfficeId).SingleOrDefaultAsync(ct);
            section = new SectionScope(scope, units, office, Display.Today(clock));
        }

        return section;
    }
}
