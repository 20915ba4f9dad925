using System.ComponentModel.DataAnnotations;

namespace Ocop.Core.Support;

/// <summary>The kinds of title in the IP register (plan 46, III.5; Law on Intellectual Property).</summary>
public enum IpKind
{
    [Display(Name = "Thương hiệu")] Brand = 1,
    [Display(Name = "Nhãn hiệu")] Trademark = 2,
    [Display(Name = "Nhãn hiệu tập thể")] CollectiveMark = 3,
    [Display(Name = "Nhãn hiệu chứng nhận")] CertificationMark = 4,
    [Display(Name = "Chỉ dẫn địa lý")] GeographicalIndication = 5,
}

/// <summary>Where a title stands.</summary>
public enum IpStatus
{
    [Display(Name = "Đã nộp đơn")] Applied = 1,
    [Display(Name = "Đã cấp văn bằng")] Granted = 2,
    [Display(Name = "Bị từ chối")] Refused = 3,
    [Display(Name = "Rút đơn")] Withdrawn = 4,
    [Display(Name = "Hết hiệu lực")] Lapsed = 5,
}

public static class IpRules
{
    /// <summary>
    /// The period a title stands, as target T7 reads it: from its filing (or its grant when no filing date is recorded)
    /// to the day it was refused, withdrawn or lapsed. A brand built without a filing counts from the day it was recorded.
    /// </summary>
    public static Planning.FactPeriod Standing(DateOnly? appliedOn, DateOnly? grantedOn, DateOnly recordedOn, DateOnly? endedOn) =>
        new(appliedOn ?? grantedOn ?? recordedOn, endedOn);

    /// <summary>Statuses that end a title: they need the day it ended.</summary>
    public static bool Ends(IpStatus status) => status is IpStatus.Refused or IpStatus.Withdrawn or IpStatus.Lapsed;

    /// <summary>The kind of support of target T7 a title stands for: a brand for T7a, every mark (trademark, collective, certification) for T7b.</summary>
    public static Planning.SupportKind? CountsAs(IpKind kind) => kind switch
    {
        IpKind.Brand => Planning.SupportKind.Brand,
        IpKind.Trademark or IpKind.CollectiveMark or IpKind.CertificationMark => Planning.SupportKind.Trademark,
        _ => null,
    };
}
