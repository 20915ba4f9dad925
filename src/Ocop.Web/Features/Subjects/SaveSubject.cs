using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Core.Registry;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;
using Ocop.Web.Shared;

namespace Ocop.Web.Features.Subjects;

/// <summary>
/// Creates or changes an OCOP subject: the one write path of the subject form, the API and the importer. Every rule is
/// checked here; nothing is written unless all pass. The legal form, green value chain and channels are dated facts: a
/// change is recorded from the day it took effect and the history before it stays (<see cref="RecordSubjectFacts"/>).
/// </summary>
public sealed class SaveSubject(OcopDbContext db, TimeProvider clock)
{
    public const string StaleMessage = "Chủ thể vừa được người khác thay đổi. Tải lại trang để xem bản mới rồi sửa lại.";

    // Looked up once per handler (a request, or a whole import): the same communes and villages come back row after row.
    private readonly Dictionary<(int Commune, int? Current, DateOnly? On), string?> communeProblems = [];
    private HashSet<int>? villages;

    /// <summary>A subject as a form, an API client or an import row gives it. <see cref="Id"/> null creates one.</summary>
    public sealed class Command
    {
        /// <summary>The subject changed; null for a new one. Set by the caller from the route, never from the body.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever, System.Text.Json.Serialization.JsonIgnore]
        public int? Id { get; set; }
        [Required(ErrorMessage = "Nhập tên chủ thể."), StringLength(250, ErrorMessage = "Tên tối đa 250 ký tự.")]
        public string Name { get; set; } = "";
        [Required(ErrorMessage = "Chọn loại hình.")] public LegalForm? LegalForm { get; set; }
        [StringLength(50, ErrorMessage = "Tối đa 50 ký tự.")] public string? RegistrationNumber { get; set; }
        [RegularExpression(@"^\d{10}(-\d{3})?$", ErrorMessage = "Mã số thuế gồm 10 chữ số (hoặc 10 chữ số, gạch ngang và 3 chữ số).")]
        public string? TaxCode { get; set; }
        [Required(ErrorMessage = "Chọn xã.")] public int? CommuneId { get; set; }
        /// <summary>The day the subject was registered or established; for a record transcribed from paper, its real date.</summary>
        [Required(ErrorMessage = "Nhập ngày đăng ký, thành lập.")] public DateOnly? RegisteredOn { get; set; }
        [Required(ErrorMessage = "Nhập địa chỉ."), StringLength(300, ErrorMessage = "Tối đa 300 ký tự.")] public string Address { get; set; } = "";
        [Required(ErrorMessage = "Nhập người đại diện."), StringLength(120, ErrorMessage = "Tối đa 120 ký tự.")] public string Representative { get; set; } = "";
        [RegularExpression(@"^[0-9 +().-]{8,20}$", ErrorMessage = "Số điện thoại không hợp lệ.")] public string? Phone { get; set; }
        [EmailAddress(ErrorMessage = "Địa chỉ thư điện tử không hợp lệ."), StringLength(120, ErrorMessage = "Tối đa 120 ký tự.")] public string? Email { get; set; }
        public bool WomenLed { get; set; }
        public bool EthnicMinorityLed { get; set; }
        [Range(0, 100_000, ErrorMessage = "Số lao động từ 0 đến 100.000.")] public int WorkersTotal { get; set; }
        [Range(0, 100_000, ErrorMessage = "Số lao động từ 0 đến 100.000.")] public int WorkersLocal { get; set; }
        [Range(0, 100_000, ErrorMessage = "Số lao động từ 0 đến 100.000.")] public int WorkersTrained { get; set; }
        public int? CraftVillageId { get; set; }
        public bool GreenValueChain { get; set; }
        [StringLength(1000, ErrorMessage = "Tối đa 1.000 ký tự.")] public string? RawMaterialEvidence { get; set; }
        [ModelBinder(typeof(Planning.DecimalInputBinder)), Range(typeof(decimal), "0", "1000000", ErrorMessage = "Diện tích từ 0 đến 1.000.000 ha.")]
        public decimal? RawMaterialAreaHa { get; set; }
        public List<SalesChannels> SalesChannels { get; set; } = [];
        /// <summary>The day the changes of legal form, green value chain and channels took effect (a change only; today when empty).</summary>
        public DateOnly? EffectiveOn { get; set; }
        /// <summary>The version the change was made from (a change only).</summary>
        public int Version { get; set; }
    }

    /// <param name="Created">A new subject.</param>
    /// <param name="Changed">Anything differs from what was recorded (always for a new one): a re-import that changes nothing says so.</param>
    public sealed record Saved(int Id, int Version, bool Created, bool Changed);

    /// <summary>Checks and writes the command for the user of <paramref name="scope"/>.</summary>
    /// <param name="save">False when the caller saves many commands at once in its own transaction (the importer).</param>
    public async Task<WriteResult<Saved>> RunAsync(UserScope scope, Command command, bool save = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(command);
        Subject? subject = null;
        if (command.Id is int id)
        {
            subject = await scope.Visible(db.Subjects).SingleOrDefaultAsync(x => x.Id == id, ct);
            if (subject is null)
            {
                return WriteResult.NotFound<Saved>("Không tìm thấy chủ thể.");
            }

            if (!scope.CanEdit(subject.CommuneId, subject.Id) || subject.IsArchived)
            {
                return WriteResult.Refused<Saved>(subject.IsArchived ? "Chủ thể đã lưu trữ: khôi phục trước khi sửa." : "Bạn không được sửa chủ thể này.");
            }
        }
        else if (!RegistryAccess.CanCreateSubject(scope.Role))
        {
            return WriteResult.Refused<Saved>("Bạn không được thêm chủ thể.");
        }

        var today = Display.Today(clock);
        var errors = FieldErrorList.Annotations(command);
        await CheckRulesAsync(scope, command, subject, today, errors, ct);
        if (errors.Any)
        {
            return WriteResult.Invalid<Saved>(errors);
        }

        if (subject is not null && subject.Version != command.Version)
        {
            return WriteResult.Stale<Saved>(StaleMessage);
        }

        var isNew = subject is null;
        subject ??= db.Subjects.Add(new Subject { Name = "", Address = "", Representative = "" }).Entity;
        var facts = await RecordSubjectFacts.RunAsync(db, subject, isNew, new RecordSubjectFacts.Command(
            command.RegisteredOn!.Value, command.LegalForm!.Value, command.GreenValueChain, command.GreenValueChain ? command.RawMaterialAreaHa : null,
            command.GreenValueChain ? Clean(command.RawMaterialEvidence) : null, command.SalesChannels.Aggregate(SalesChannels.None, (all, c) => all | c),
            command.EffectiveOn ?? today), today, ct);
        if (facts.Count > 0)
        {
            if (isNew)
            {
                db.Entry(subject).State = EntityState.Detached;
            }

            var refused = new FieldErrorList();
            foreach (var (field, message) in facts)
            {
                refused.Add(field, message);
            }

            return WriteResult.Invalid<Saved>(refused);
        }

        subject.Name = command.Name.Trim();
        subject.RegistrationNumber = Clean(command.RegistrationNumber);
        subject.TaxCode = Clean(command.TaxCode);
        subject.CommuneId = command.CommuneId!.Value;
        subject.Address = command.Address.Trim();
        subject.Representative = command.Representative.Trim();
        subject.Phone = Clean(command.Phone);
        subject.Email = Clean(command.Email);
        subject.WomenLed = command.WomenLed;
        subject.EthnicMinorityLed = command.EthnicMinorityLed;
        subject.WorkersTotal = command.WorkersTotal;
        subject.WorkersLocal = command.WorkersLocal;
        subject.WorkersTrained = command.WorkersTrained;
        subject.CraftVillageId = command.CraftVillageId;
        var changed = isNew || HasChanges(subject);
        if (save)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return WriteResult.Stale<Saved>(StaleMessage);
            }
        }

        return WriteResult.Done<Saved>(new Saved(subject.Id, subject.Version, isNew, changed));
    }

    /// <summary>Whether the subject or any of its dated facts differs from what was loaded.</summary>
    private bool HasChanges(Subject subject)
    {
        db.ChangeTracker.DetectChanges();
        return db.Entry(subject).Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue))
            || db.ChangeTracker.Entries().Any(e => e.Entity is SubjectLegalFormPeriod or SubjectGreenChainPeriod or SubjectChannelPeriod
                && e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified
                && SubjectOf(e.Entity) == subject);
    }

    private static Subject? SubjectOf(object period) => period switch
    {
        SubjectLegalFormPeriod p => p.Subject,
        SubjectGreenChainPeriod p => p.Subject,
        SubjectChannelPeriod p => p.Subject,
        _ => null,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task CheckRulesAsync(UserScope scope, Command command, Subject? existing, DateOnly today, FieldErrorList errors, CancellationToken ct)
    {
        if (command.LegalForm is LegalForm form && !Enum.IsDefined(form))
        {
            errors.Add(nameof(Command.LegalForm), "Loại hình không hợp lệ.");
        }

        if (command.SalesChannels.Any(c => c == SalesChannels.None || !Enum.IsDefined(c)))
        {
            errors.Add(nameof(Command.SalesChannels), "Kênh bán hàng không hợp lệ.");
        }

        if (command.CommuneId is int commune)
        {
            // A producer keeps their subject where it is; offices and communes register only inside their own units.
            var allowed = scope.Role == Role.Producer ? existing?.CommuneId == commune : scope.CanCreateIn(commune);
            if (!allowed)
            {
                errors.Add(nameof(Command.CommuneId), "Bạn không phụ trách xã này.");
            }
            else if (await CommuneProblemAsync(commune, existing?.CommuneId, command.RegisteredOn, ct) is string problem)
            {
                errors.Add(nameof(Command.CommuneId), problem);
            }
        }

        var (local, trained) = RegistryRules.WorkforceProblems(command.WorkersTotal, command.WorkersLocal, command.WorkersTrained);
        if (local is not null)
        {
            errors.Add(nameof(Command.WorkersLocal), local);
        }

        if (trained is not null)
        {
            errors.Add(nameof(Command.WorkersTrained), trained);
        }

        if (command.RegisteredOn is DateOnly registered && RegistryRules.RegisteredOnProblem(registered, today) is string future)
        {
            errors.Add(nameof(Command.RegisteredOn), future);
        }

        if (RegistryRules.GreenChainProblem(command.GreenValueChain, command.RawMaterialEvidence) is string green)
        {
            errors.Add(nameof(Command.RawMaterialEvidence), green);
        }

        if (command.CraftVillageId is int village)
        {
            villages ??= (await db.CraftVillages.AsNoTracking().Where(v => !v.IsArchived).Select(v => v.Id).ToListAsync(ct)).ToHashSet();
            if (!villages.Contains(village))
            {
                errors.Add(nameof(Command.CraftVillageId), "Làng nghề không tồn tại.");
            }
        }
    }

    /// <summary>A commune of today, or one that existed on the subject's registration date (a record transcribed from before a merger).</summary>
    private async Task<string?> CommuneProblemAsync(int commune, int? current, DateOnly? registeredOn, CancellationToken ct)
    {
        if (!communeProblems.TryGetValue((commune, current, registeredOn), out var problem))
        {
            problem = await RecordPlaces.ProblemAsync(db, commune, current, registeredOn, ct);
            communeProblems[(commune, current, registeredOn)] = problem;
        }

        return problem;
    }
}
