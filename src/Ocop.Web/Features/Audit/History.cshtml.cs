using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Ocop.Core.Access;
using Ocop.Web.Data;
using Ocop.Web.Features.Access;

namespace Ocop.Web.Features.Audit;

/// <summary>The audit trail of one record, readable by whoever may read the record itself.</summary>
public sealed class HistoryModel(OcopDbContext db, UserScopeLoader scopes) : PageModel
{
    public string RecordName { get; private set; } = "";
    public string BackUrl { get; private set; } = "/";
    public List<Row> Entries { get; private set; } = [];

    public sealed record Change(string Field, string? Old, string? New);

    public sealed record Row(DateTime At, string UserName, AuditAction Action, string EntityType, string EntityId, List<Change> Changes);

    private static readonly Dictionary<string, string> TypeNames = new()
    {
        [nameof(Subject)] = "Chủ thể",
        [nameof(Product)] = "Sản phẩm",
        [nameof(ProductPhoto)] = "Ảnh",
        [nameof(CraftVillage)] = "Làng nghề",
        [nameof(ProductCategory)] = "Nhóm sản phẩm",
        [nameof(AppUser)] = "Người dùng",
        [nameof(UserUnit)] = "Địa bàn phụ trách",
        [nameof(AdministrativeUnit)] = "Đơn vị hành chính",
        [nameof(ScoresheetRecord)] = "Phiếu chấm",
        [nameof(Certificate)] = "Giấy chứng nhận",
        [nameof(Plan)] = "Kế hoạch",
        [nameof(PlanTarget)] = "Chỉ tiêu",
        [nameof(EvaluationRound)] = "Đợt đánh giá",
        [nameof(CouncilMember)] = "Thành viên hội đồng",
        [nameof(MemberScoresheet)] = "Phiếu chấm của thành viên",
        [nameof(Recognition)] = "Quyết định công nhận",
        [nameof(PlanTask)] = "Nhiệm vụ",
        [nameof(TaskReport)] = "Báo cáo nhiệm vụ",
        [nameof(SupportRecord)] = "Hỗ trợ",
    };

    /// <summary>Every audited record type and its Vietnamese name, for the audit search.</summary>
    public static IReadOnlyDictionary<string, string> RecordTypes => TypeNames;

    private static readonly Dictionary<string, string> FieldNames = new()
    {
        ["Name"] = "Tên",
        ["LegalForm"] = "Loại hình",
        ["RegistrationNumber"] = "Số ĐKKD",
        ["TaxCode"] = "Mã số thuế",
        ["Address"] = "Địa chỉ",
        ["CommuneId"] = "Xã (mã)",
        ["Representative"] = "Người đại diện",
        ["Phone"] = "Điện thoại",
        ["Email"] = "Thư điện tử",
        ["WomenLed"] = "Nữ làm chủ",
        ["EthnicMinorityLed"] = "DTTS làm chủ",
        ["WorkersTotal"] = "Tổng lao động",
        ["WorkersLocal"] = "Lao động địa phương",
        ["WorkersTrained"] = "Lao động qua đào tạo",
        ["CraftVillageId"] = "Làng nghề (mã)",
        ["GreenValueChain"] = "Chuỗi giá trị xanh",
        ["RawMaterialEvidence"] = "Minh chứng vùng nguyên liệu",
        ["SalesChannels"] = "Kênh bán hàng",
        ["IsArchived"] = "Lưu trữ",
        ["CreatedAt"] = "Tạo lúc",
        ["CategoryId"] = "Nhóm sản phẩm (mã)",
        ["SubjectId"] = "Chủ thể (mã)",
        ["Description"] = "Mô tả",
        ["Story"] = "Câu chuyện",
        ["Standards"] = "Tiêu chuẩn",
        ["Gtin"] = "Mã vạch",
        ["Status"] = "Trạng thái",
        ["ProductId"] = "Sản phẩm (mã)",
        ["StoredName"] = "Tệp lưu",
        ["OriginalName"] = "Tên tệp",
        ["ContentType"] = "Loại tệp",
        ["SizeBytes"] = "Dung lượng (byte)",
        ["Caption"] = "Chú thích",
        ["UploadedAt"] = "Tải lên lúc",
        ["Role"] = "Vai trò",
        ["FullName"] = "Họ tên",
        ["UserName"] = "Tên đăng nhập",
        ["LockoutEnd"] = "Khóa đến",
        ["UnitId"] = "Đơn vị (mã)",
        ["UserId"] = "Người dùng (mã)",
        ["Organisation"] = "Cơ quan",
        ["RecognitionDecision"] = "Quyết định công nhận",
        ["IsTraditional"] = "Làng nghề truyền thống",
        ["Code"] = "Mã",
        ["Level"] = "Cấp",
        ["ParentId"] = "Cấp trên (mã)",
        ["ProductSet"] = "Bộ tiêu chí",
        ["LegalBasis"] = "Căn cứ pháp lý",
        ["Number"] = "Số",
        ["Title"] = "Tên",
        ["Issuer"] = "Cơ quan ban hành",
        ["IssuedOn"] = "Ngày ban hành",
        ["PeriodFrom"] = "Kỳ từ ngày",
        ["PeriodTo"] = "Kỳ đến ngày",
        ["Note"] = "Ghi chú",
        ["PlanId"] = "Kế hoạch (mã)",
        ["IndicatorId"] = "Chỉ số (mã)",
        ["Wording"] = "Nội dung",
        ["TargetValue"] = "Giá trị mục tiêu",
        ["Direction"] = "Hướng",
        ["Deadline"] = "Hạn",
        ["SortOrder"] = "Thứ tự",
    };

    /// <summary>A page's address by its name (a renamed page fails the history tests instead of linking nowhere).</summary>
    private string PageLink(string page, object? values = null) => Url.Page(page, values) ?? throw new InvalidOperationException("No page " + page);

    public string TypeName(string type) => TypeNames.GetValueOrDefault(type) ?? Support.SectionHistory.TypeNames.GetValueOrDefault(type, type);

    public string FieldName(string field) => FieldNames.GetValueOrDefault(field, field);

    public async Task<IActionResult> OnGetAsync(string type, string id, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        var keys = new List<(string Type, string Id)> { (type, id) };
        switch (type)
        {
            case nameof(Subject) when int.TryParse(id, out var subjectId):
                var subject = await scope.Visible(db.Subjects).Where(s => s.Id == subjectId).Select(s => s.Name).SingleOrDefaultAsync(ct);
                if (subject is null)
                {
                    return NotFound();
                }

                (RecordName, BackUrl) = (subject, PageLink("/Subjects/Details", new { id }));
                break;
            case nameof(Product) when int.TryParse(id, out var productId):
                var product = await scope.Visible(db.Products).Where(p => p.Id == productId)
                    .Select(p => new { p.Name, Photos = p.Photos.Select(f => f.Id).ToList() }).SingleOrDefaultAsync(ct);
                if (product is null)
                {
                    return NotFound();
                }

                (RecordName, BackUrl) = (product.Name, PageLink("/Products/Details", new { id }));
                keys.AddRange(product.Photos.Select(f => (nameof(ProductPhoto), f.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                break;
            case nameof(CraftVillage) when int.TryParse(id, out var villageId):
                var village = await db.CraftVillages.Where(v => v.Id == villageId).Select(v => new { v.Name, v.CommuneId }).SingleOrDefaultAsync(ct);
                if (village is null || !scope.CanRead(village.CommuneId))
                {
                    return NotFound();
                }

                (RecordName, BackUrl) = (village.Name, PageLink("/CraftVillages/Index"));
                break;
            case nameof(ProductCategory) when int.TryParse(id, out var categoryId):
                var category = await db.ProductCategories.Where(c => c.Id == categoryId).Select(c => c.Code + " " + c.Name).SingleOrDefaultAsync(ct);
                if (category is null)
                {
                    return NotFound();
                }

                (RecordName, BackUrl) = (category, PageLink("/Taxonomy/Index"));
                break;
            case nameof(AppUser):
                if (!RegistryAccess.CanManageUsers(scope.Role))
                {
                    return Forbid();
                }

                var user = await db.Users.Where(u => u.Id == id).Select(u => u.UserName).SingleOrDefaultAsync(ct);
                if (user is null)
                {
                    return NotFound();
                }

                (RecordName, BackUrl) = (user, PageLink("/Admin/Users/Edit", new { id }));
                var assignments = await db.AuditEntries.Where(a => a.EntityType == nameof(UserUnit) && a.EntityId.StartsWith(id + "/"))
                    .Select(a => a.EntityId).Distinct().ToListAsync(ct);
                keys.AddRange(assignments.Select(a => (nameof(UserUnit), a)));
                break;
            case nameof(ScoresheetRecord) when int.TryParse(id, out var sheetId):
                var sheet = await db.Scoresheets.Where(x => x.Id == sheetId)
                    .Select(x => x.LegalBasisCode + " · Bộ " + x.ProductSetNumber + " " + x.ProductSetName + " · phiên bản " + x.SheetVersion)
                    .SingleOrDefaultAsync(ct);
                if (sheet is null)
                {
                    return NotFound();
                }

                (RecordName, BackUrl) = (sheet, PageLink("/Scoresheets/Details", new { id }));
                break;
            case nameof(Certificate) when int.TryParse(id, out var certificateId):
                var certificate = await db.Certificates.Where(c => c.Id == certificateId)
                    .Where(c => scope.Visible(db.Products).Any(p => p.Id == c.ProductId))
                    .Select(c => c.Number).SingleOrDefaultAsync(ct);
                if (certificate is null)
                {
                    return NotFound();
                }

                (RecordName, BackUrl) = (certificate, PageLink("/Certificates/Details", new { id }));
                break;
            case nameof(Plan) when int.TryParse(id, out var planId):
                // Plans are read by everyone who reads plans; a plan's history includes its targets'.
                var plan = PlanningAccess.CanReadPlans(scope.Role)
                    ? await db.Plans.Where(p => p.Id == planId).Select(p => new { p.Number, Targets = p.Targets.Select(t => t.Id).ToList() }).SingleOrDefaultAsync(ct)
                    : null;
                if (plan is null)
                {
                    return NotFound();
                }

                (RecordName, BackUrl) = (plan.Number, PageLink("/Planning/Details", new { id }));
                keys.AddRange(plan.Targets.Select(t => (nameof(PlanTarget), t.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                break;
            case nameof(EvaluationRound) or nameof(CouncilMember) or nameof(MemberScoresheet) or nameof(Recognition) when int.TryParse(id, out var evaluationId):
                // Rounds and their councils, sheets and decisions: the history is the program office's view, as the round page's list of all.
                if (!Rounds.RoundAccess.SeesAll(scope.Role))
                {
                    return Forbid();
                }

                var evaluationName = type switch
                {
                    nameof(EvaluationRound) => await db.EvaluationRounds.Where(r => r.Id == evaluationId).Select(r => r.Name).SingleOrDefaultAsync(ct),
                    nameof(CouncilMember) => await db.CouncilMembers.Where(m => m.Id == evaluationId).Select(m => m.FullName + " · " + m.Round!.Name).SingleOrDefaultAsync(ct),
                    nameof(MemberScoresheet) => await db.MemberScoresheets.Where(m => m.Id == evaluationId)
                        .Select(m => m.RoundProduct!.Product!.Name + " · " + m.CouncilMember!.FullName).SingleOrDefaultAsync(ct),
                    _ => await db.Recognitions.Where(r => r.Id == evaluationId).Select(r => r.DecisionNumber).SingleOrDefaultAsync(ct),
                };
                if (evaluationName is null)
                {
                    return NotFound();
                }

                (RecordName, BackUrl) = (evaluationName, type == nameof(Recognition) ? PageLink("/Recognitions/Details", new { id }) : PageLink("/Rounds/Index"));
                if (type == nameof(EvaluationRound))
                {
                    var members = await db.CouncilMembers.Where(m => m.RoundId == evaluationId).Select(m => m.Id).ToListAsync(ct);
                    keys.AddRange(members.Select(m => (nameof(CouncilMember), m.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                    BackUrl = PageLink("/Rounds/Details", new { id });
                }

                break;
            case nameof(PlanTarget) when int.TryParse(id, out var targetId):
                if (!PlanningAccess.CanReadPlans(scope.Role))
                {
                    return Forbid();
                }

                var target = await db.PlanTargets.Where(t => t.Id == targetId).Select(t => new { t.Code, t.PlanId }).SingleOrDefaultAsync(ct);
                if (target is null)
                {
                    return NotFound();
                }

                (RecordName, BackUrl) = ("Chỉ tiêu " + target.Code, PageLink("/Planning/Details", new { id = target.PlanId }));
                break;
            case nameof(PlanTask) or nameof(TaskReport) when int.TryParse(id, out var taskRecordId):
                var viewer = await Tasks.TaskViewer.LoadAsync(db, scopes, ct);
                var taskId = type == nameof(PlanTask)
                    ? taskRecordId
                    : await db.TaskReports.Where(r => r.Id == taskRecordId).Select(r => (int?)r.TaskId).SingleOrDefaultAsync(ct) ?? 0;
                var task = await viewer.Visible(db.PlanTasks).Where(t => t.Id == taskId).Select(t => t.Title).SingleOrDefaultAsync(ct);
                if (task is null)
                {
                    return NotFound();
                }

                (RecordName, BackUrl) = (task, PageLink("/Tasks/Details", new { id = taskId }));
                if (type == nameof(PlanTask))
                {
                    var reports = await db.TaskReports.Where(r => r.TaskId == taskId).Select(r => r.Id).ToListAsync(ct);
                    keys.AddRange(reports.Select(r => (nameof(TaskReport), r.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                }

                break;
            case nameof(SupportRecord) when int.TryParse(id, out var supportId):
                if (!PlanningAccess.CanReadPlans(scope.Role))
                {
                    return Forbid();
                }

                var support = await db.SupportRecords.Where(r => r.Id == supportId && scope.Visible(db.Subjects).Any(s => s.Id == r.SubjectId))
                    .Select(r => r.Description).SingleOrDefaultAsync(ct);
                if (support is null)
                {
                    return NotFound();
                }

                (RecordName, BackUrl) = (support, PageLink("/Planning/Support/Edit", new { id }));
                break;
            default:
                // The records of section III (support, promotion, protection, value chains) answer for themselves.
                var section = int.TryParse(id, out var sectionId)
                    ? await Support.SectionHistory.ResolveAsync(HttpContext.RequestServices.GetRequiredService<Support.SectionContext>(), type, sectionId, ct)
                    : null;
                if (section is not { } found)
                {
                    return NotFound();
                }

                (RecordName, BackUrl) = (found.Name, found.BackUrl);
                keys = found.Keys;
                break;
        }

        var types = keys.Select(k => k.Type).Distinct().ToList();
        var ids = keys.Select(k => k.Id).Distinct().ToList();
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => types.Contains(a.EntityType) && ids.Contains(a.EntityId))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .ToListAsync(ct);
        var people = await PeopleNames.FullNamesAsync(db, rows.Select(a => a.UserName), ct);
        Entries = rows.Where(a => keys.Contains((a.EntityType, a.EntityId)))
            .Select(a => new Row(a.At, PeopleNames.Of(people, a.UserName), a.Action, a.EntityType, a.EntityId,
                JsonSerializer.Deserialize<List<Change>>(a.Changes, AuditJson.Options) ?? []))
            .ToList();
        return Page();
    }
}
