using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Ocop.Core.Evaluation;

/// <summary>The levels a dossier passes through. Districts ran councils until the two-level government of July 2025.</summary>
public enum EvaluationLevel
{
    [Display(Name = "Cấp xã (kiểm tra hồ sơ)")] CommuneCheck = 1,
    [Display(Name = "Cấp huyện")] District = 2,
    [Display(Name = "Cấp tỉnh")] Province = 3,
    [Display(Name = "Cấp trung ương")] Central = 4,
}

/// <summary>What a producer files: the 26/2026 variants. Older processes knew a new or an existing product.</summary>
public enum DossierVariant
{
    [Display(Name = "Đánh giá lần đầu")] FirstEvaluation = 1,
    [Display(Name = "Đánh giá nâng hạng sao")] Upgrade = 2,
    [Display(Name = "Đánh giá lại")] Reevaluation = 3,
}

/// <summary>Where a process stands on a date, for a round run under it.</summary>
public enum ProcessStanding
{
    [Display(Name = "Chưa có hiệu lực")] NotYetInForce = 1,
    [Display(Name = "Đang có hiệu lực")] InForce = 2,

    /// <summary>Replaced, but dossiers filed before the replacement may still finish under it.</summary>
    [Display(Name = "Chuyển tiếp (chỉ hồ sơ nộp trước)")] Transition = 3,
    [Display(Name = "Hết hiệu lực")] OutOfForce = 4,
}

/// <summary>
/// What one level does under a process: the stars it recognises, and from which score it sends a product
/// on to the next level instead.
/// </summary>
/// <param name="ProposeOnwardFrom">Score from which the product goes to <paramref name="NextLevel"/>; null when the level forwards by checking the dossier, not by score.</param>
/// <param name="Recogniser">Who signs the recognition, in Vietnamese.</param>
public sealed record LevelRole(
    EvaluationLevel Level,
    IReadOnlyList<int> RecognisesStars,
    Points? ProposeOnwardFrom,
    EvaluationLevel? NextLevel,
    string Recogniser);

/// <summary>A fixed round of a year: dossiers proposed before one day, results by another (26/2026).</summary>
public sealed record RoundSchedule(EvaluationLevel Level, int Round, int ProposalsBeforeMonth, int ProposalsBeforeDay, int EndsByMonth, int EndsByDay);

/// <summary>A scheduled round in a given year.</summary>
/// <param name="ProposalsBefore">Proposals must be made before this day (the literal "trước ngày"): on the day itself is too late.</param>
public sealed record RoundWindow(EvaluationLevel Level, int Round, int Year, DateOnly ProposalsBefore, DateOnly EndsBy);

/// <summary>What becomes of a product at the level that scored it.</summary>
public enum LevelOutcomeKind
{
    [Display(Name = "Công nhận tại cấp này")] RecognisedHere = 1,
    [Display(Name = "Đề xuất lên cấp trên")] ProposedOnward = 2,
    [Display(Name = "Không đủ điều kiện công nhận")] NotRecognised = 3,
    [Display(Name = "Cấp này không chấm điểm")] NotScoredHere = 4,

    /// <summary>The star is another level's to recognise (26/2026: a product the ministry finds below 90 goes back to the province for 3–4★).</summary>
    [Display(Name = "Chuyển cấp có thẩm quyền công nhận")] RecognisedByOtherLevel = 5,
}

/// <param name="RecognisedBy">The level that recognises the star: this one, or another for <see cref="LevelOutcomeKind.RecognisedByOtherLevel"/>.</param>
/// <param name="ProposedTo">The level the product is sent on to (or, for a commune check, forwarded to).</param>
/// <param name="PotentialFiveStar">"Sản phẩm tiềm năng 5 sao": 5★ by score and minimums, awaiting the central level.</param>
public sealed record LevelOutcome(LevelOutcomeKind Kind, int? Stars, EvaluationLevel? RecognisedBy, EvaluationLevel? ProposedTo, bool PotentialFiveStar, string Description);

/// <summary>The result of checking a round's process against a date.</summary>
/// <param name="Warning">Vietnamese warning when the process is not plainly in force; null when it is.</param>
public sealed record ProcessCheck(ProcessStanding Standing, EvaluationProcess? InForce, DateOnly? TransitionEndsOn, string? Warning);

/// <summary>
/// A version of the evaluation process (who checks, who scores, who recognises which stars, deadlines),
/// with its legal basis and effective dates. Every round keeps the process it ran under.
/// </summary>
/// <param name="LegalBasisCode">The scoresheets it scores on.</param>
/// <param name="EffectiveTo">Last day new rounds may open under it; null while in force.</param>
/// <param name="CommuneCheckWorkingDays">Working days the commune has to check a dossier; null when not fixed.</param>
/// <param name="MinimumRoundsPerYear">Rounds each level must hold a year; null when not fixed.</param>
/// <param name="TransitionDays">Days after this process starts during which dossiers filed under the previous one may still finish under it.</param>
/// <param name="ReevaluationTransitionDays">The same for re-evaluation dossiers.</param>
public sealed record EvaluationProcess(
    string Code,
    string Name,
    string LegalBasisCode,
    DateOnly EffectiveFrom,
    DateOnly? EffectiveTo,
    IReadOnlyList<LevelRole> Levels,
    IReadOnlyList<RoundSchedule> Schedule,
    IReadOnlyList<DossierVariant> Variants,
    int? CommuneCheckWorkingDays,
    int? MinimumRoundsPerYear,
    int? TransitionDays,
    int? ReevaluationTransitionDays,
    CertificatePolicy Certificates)
{
    public bool IsInForceOn(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo.Value);

    public LevelRole? Role(EvaluationLevel level) => Levels.FirstOrDefault(l => l.Level == level);

    /// <summary>The level that recognises (and may revoke) a star; null for 1–2★, which nobody recognises.</summary>
    public EvaluationLevel? RecognisingLevel(int stars) => Levels.FirstOrDefault(l => l.RecognisesStars.Contains(stars))?.Level;

    /// <summary>
    /// What the level does with a product scored <paramref name="total"/> and ranked <paramref name="stars"/>
    /// (after the star minimums): recognise it here, propose it onward (the score threshold of the level,
    /// and a star the level itself cannot give), or neither.
    /// </summary>
    public LevelOutcome OutcomeAt(EvaluationLevel level, MeanScore total, int stars)
    {
        var role = Role(level);
        var starText = stars.ToString(CultureInfo.InvariantCulture);
        if (role is null)
        {
            return new LevelOutcome(LevelOutcomeKind.NotScoredHere, null, null, null, false, $"Quy trình {Name} không có {Vietnamese(level)}.");
        }

        if (role.ProposeOnwardFrom is null && role.RecognisesStars.Count == 0)
        {
            return new LevelOutcome(LevelOutcomeKind.NotScoredHere, null, null, role.NextLevel, false,
                "Cấp này kiểm tra hồ sơ và đề xuất lên cấp trên, không chấm điểm.");
        }

        if (role.RecognisesStars.Contains(stars))
        {
            return new LevelOutcome(LevelOutcomeKind.RecognisedHere, stars, level, null, false, $"Đạt {starText} sao, {role.Recogniser} công nhận.");
        }

        var highestHere = role.RecognisesStars.DefaultIfEmpty(0).Max();
        if (role.NextLevel is EvaluationLevel next && role.ProposeOnwardFrom is Points threshold && total.IsAtLeast(threshold) && stars > highestHere)
        {
            // The law names it by what is proposed, never as a star this level has given: "đề xuất công nhận 5 sao".
            var potential = stars >= 5;
            return new LevelOutcome(LevelOutcomeKind.ProposedOnward, stars, null, next, potential,
                $"Đạt {total.ToVietnamese()} điểm (từ {threshold.ToVietnamese()} điểm trở lên): đề xuất {Vietnamese(next)} công nhận {starText} sao" +
                (potential ? " (sản phẩm tiềm năng 5 sao), chờ quyết định của cấp trung ương." : ", chờ quyết định của cấp trên."));
        }

        if (RecognisingLevel(stars) is EvaluationLevel other)
        {
            return new LevelOutcome(LevelOutcomeKind.RecognisedByOtherLevel, stars, other, null, false,
                $"Đạt {starText} sao: hạng sao này do {Vietnamese(other)} công nhận.");
        }

        return new LevelOutcome(LevelOutcomeKind.NotRecognised, stars, null, null, false, $"Đạt {starText} sao: không được công nhận (chỉ công nhận từ 3 sao).");
    }

    /// <summary>The fixed rounds of <paramref name="level"/> in <paramref name="year"/>, in calendar order of their proposal deadline.</summary>
    public IReadOnlyList<RoundWindow> RoundsIn(EvaluationLevel level, int year) =>
        Schedule
            .Where(s => s.Level == level)
            .Select(s => new RoundWindow(level, s.Round, year,
                new DateOnly(year, s.ProposalsBeforeMonth, s.ProposalsBeforeDay),
                new DateOnly(year, s.EndsByMonth, s.EndsByDay)))
            .OrderBy(w => w.ProposalsBefore)
            .ToList();

    /// <summary>The first fixed round a dossier proposed on <paramref name="proposedOn"/> can still enter; null when the process fixes none.</summary>
    public RoundWindow? RoundForProposal(EvaluationLevel level, DateOnly proposedOn) =>
        RoundsIn(level, proposedOn.Year).Concat(RoundsIn(level, proposedOn.Year + 1))
            .FirstOrDefault(w => proposedOn < w.ProposalsBefore);

    /// <summary>The day the commune's check must be done for a dossier received on <paramref name="receivedOn"/>.</summary>
    public DateOnly? CommuneCheckDueOn(DateOnly receivedOn, IReadOnlySet<DateOnly>? holidays = null) =>
        CommuneCheckWorkingDays is int days ? WorkingDays.Add(receivedOn, days, holidays) : null;

    /// <summary>The same over a year's holiday data, with the Saturdays worked in exchange for a swapped day off.</summary>
    public DateOnly? CommuneCheckDueOn(DateOnly receivedOn, Calendar.WorkingCalendar calendar) =>
        CommuneCheckWorkingDays is int days ? calendar.AddWorkingDays(receivedOn, days) : null;

    /// <summary>"cấp tỉnh", "cấp trung ương": a level inside a Vietnamese sentence.</summary>
    public static string Vietnamese(EvaluationLevel level) => level switch
    {
        EvaluationLevel.CommuneCheck => "cấp xã",
        EvaluationLevel.District => "cấp huyện",
        EvaluationLevel.Province => "cấp tỉnh",
        EvaluationLevel.Central => "cấp trung ương",
        _ => level.ToString(),
    };
}

/// <summary>
/// The process versions known when the code was written, as seed data (the database copy is authoritative):
/// 148 as issued, 148 as amended by 1489 from 6 July 2025, and 26/2026 from 22 May 2026.
/// </summary>
public static class EvaluationProcesses
{
    /// <summary>Under 148 and 1489 the law fixed no window before expiry and no extension after it.</summary>
    private static readonly CertificatePolicy Policy148 = new(36, null, null, 30, null, null, null);

    private static readonly CertificatePolicy Policy26 = new(36, 180, 120, 30, 180, 45, 15);

    public static readonly EvaluationProcess Original148 = new(
        "148/2023",
        "Quyết định 148/QĐ-TTg (ba cấp: huyện, tỉnh, trung ương)",
        "148/2023",
        new DateOnly(2023, 2, 24),
        new DateOnly(2025, 7, 5),
        [
            new(EvaluationLevel.District, [3], Points.FromWhole(70), EvaluationLevel.Province, "Chủ tịch UBND cấp huyện"),
            new(EvaluationLevel.Province, [4], Points.FromWhole(90), EvaluationLevel.Central, "Chủ tịch UBND cấp tỉnh"),
            new(EvaluationLevel.Central, [5], null, null, "Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn"),
        ],
        [],
        [DossierVariant.FirstEvaluation, DossierVariant.Reevaluation],
        null,
        null,
        null,
        null,
        Policy148);

    public static readonly EvaluationProcess Amended1489 = new(
        "1489/2025",
        "Quyết định 148/QĐ-TTg sửa đổi bởi Quyết định 1489/QĐ-TTg (xã kiểm tra, tỉnh công nhận 3–4 sao, Bộ công nhận 5 sao)",
        "148/2023",
        new DateOnly(2025, 7, 6),
        new DateOnly(2026, 5, 21),
        [
            new(EvaluationLevel.CommuneCheck, [], null, EvaluationLevel.Province, "UBND cấp xã"),
            new(EvaluationLevel.Province, [3, 4], Points.FromWhole(90), EvaluationLevel.Central, "Chủ tịch UBND cấp tỉnh"),
            new(EvaluationLevel.Central, [5], null, null, "Bộ trưởng Bộ Nông nghiệp và Môi trường"),
        ],
        [],
        [DossierVariant.FirstEvaluation, DossierVariant.Reevaluation],
        null,
        null,
        null,
        null,
        Policy148);

    public static readonly EvaluationProcess Decision26 = new(
        "26/2026",
        "Quyết định 26/2026/QĐ-TTg (xã kiểm tra trong 15 ngày làm việc, tỉnh công nhận 3–4 sao, Bộ công nhận 5 sao)",
        "26/2026",
        new DateOnly(2026, 5, 22),
        null,
        [
            new(EvaluationLevel.CommuneCheck, [], null, EvaluationLevel.Province, "UBND cấp xã"),
            new(EvaluationLevel.Province, [3, 4], Points.FromWhole(90), EvaluationLevel.Central, "Chủ tịch UBND cấp tỉnh"),
            new(EvaluationLevel.Central, [5], null, null, "Bộ trưởng Bộ Nông nghiệp và Môi trường"),
        ],
        [
            new(EvaluationLevel.Province, 1, 4, 30, 6, 30),
            new(EvaluationLevel.Province, 2, 10, 30, 12, 30),
            new(EvaluationLevel.Central, 1, 7, 30, 9, 30),
            new(EvaluationLevel.Central, 2, 1, 30, 3, 30),
        ],
        [DossierVariant.FirstEvaluation, DossierVariant.Upgrade, DossierVariant.Reevaluation],
        15,
        2,
        60,
        30,
        Policy26);

    public static IReadOnlyList<EvaluationProcess> All { get; } = [Original148, Amended1489, Decision26];

    public static EvaluationProcess? ByCode(string code, IEnumerable<EvaluationProcess>? processes = null) =>
        (processes ?? All).FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The process new rounds open under on <paramref name="date"/>; null before 148.</summary>
    public static EvaluationProcess? InForceOn(DateOnly date, IEnumerable<EvaluationProcess>? processes = null) =>
        (processes ?? All).Where(p => p.IsInForceOn(date)).MaxBy(p => p.EffectiveFrom);

    /// <summary>The process that replaced <paramref name="process"/>: the next to take effect after it.</summary>
    public static EvaluationProcess? SuccessorOf(EvaluationProcess process, IEnumerable<EvaluationProcess>? processes = null) =>
        (processes ?? All).Where(p => p.EffectiveFrom > process.EffectiveFrom).MinBy(p => p.EffectiveFrom);

    /// <summary>
    /// Where a process stands on a date. After it ends, dossiers filed before its successor took effect may
    /// finish under it for the successor's transition period (26/2026: 60 days, re-evaluations 30), counted
    /// from the day after the successor took effect (Civil Code 2015, art. 147).
    /// </summary>
    public static ProcessCheck Check(EvaluationProcess process, DateOnly date, DossierVariant variant = DossierVariant.FirstEvaluation,
        IEnumerable<EvaluationProcess>? processes = null)
    {
        var catalog = (processes ?? All).ToList();
        var inForce = InForceOn(date, catalog);
        if (date < process.EffectiveFrom)
        {
            return new ProcessCheck(ProcessStanding.NotYetInForce, inForce, null,
                $"Quy trình theo {process.Name} chỉ có hiệu lực từ ngày {Date(process.EffectiveFrom)}.");
        }

        if (process.IsInForceOn(date))
        {
            return new ProcessCheck(ProcessStanding.InForce, inForce, null, null);
        }

        var successor = SuccessorOf(process, catalog);
        var days = variant == DossierVariant.Reevaluation ? successor?.ReevaluationTransitionDays : successor?.TransitionDays;
        var current = inForce is null ? string.Empty : $" Quy trình đang áp dụng: {inForce.Name}.";
        if (successor is not null && days is int transition)
        {
            var ends = successor.EffectiveFrom.AddDays(transition);
            if (date <= ends)
            {
                return new ProcessCheck(ProcessStanding.Transition, inForce, ends,
                    $"Quy trình theo {process.Name} đã được thay thế từ ngày {Date(successor.EffectiveFrom)}; chỉ hồ sơ nộp trước ngày đó " +
                    $"được tiếp tục giải quyết theo quy trình này và phải xong chậm nhất ngày {Date(ends)}.{current}");
            }
        }

        var lastDay = process.EffectiveTo ?? date;
        return new ProcessCheck(ProcessStanding.OutOfForce, inForce, null,
            $"Quy trình theo {process.Name} đã hết hiệu lực từ ngày {Date(lastDay.AddDays(1))}.{current}");
    }

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}

/// <summary>Working-day arithmetic for deadlines such as the commune's 15 working days.</summary>
public static class WorkingDays
{
    /// <summary>
    /// The <paramref name="days"/>-th working day after <paramref name="start"/> (the day of receipt does not
    /// count), skipping Saturdays, Sundays and the given public holidays.
    /// </summary>
    public static DateOnly Add(DateOnly start, int days, IReadOnlySet<DateOnly>? holidays = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start;
        var counted = 0;
        while (counted < days)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date, holidays))
            {
                counted++;
            }
        }

        return date;
    }

    public static bool IsWorkingDay(DateOnly date, IReadOnlySet<DateOnly>? holidays = null) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !(holidays?.Contains(date) ?? false);
}
