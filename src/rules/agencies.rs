//! The 责任单位 the policy names, and Kaifeng's county-level areas. Benefits refer to agencies
//! by id; where the text says 县（区）人民政府 the family's own area is substituted, because
//! "the county government" is no help to someone deciding which door to knock on.

use serde::Serialize;

use super::facts::Area;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyId {
    /// 县（区）人民政府: resolved to the family's own area.
    CountyGovernment,
    /// 县（区）民政局: named in clause 17 as where the grave plot is applied for.
    CountyCivilAffairs,
    /// 县（区）卫生健康委: confirms and pays 特别扶助金 (Henan procedure).
    CountyHealth,
    /// 村（居）委会: where 特别扶助 is applied for.
    VillageCommittee,
    /// 乡镇人民政府（街道办事处）: the employment projects' first stop (RULINGS, Round 3: it
    /// knows where 脱贫户 support sits today).
    Township,
    /// 法律援助中心, named in clause 13: the family's own county's.
    LegalAidCentre,
    /// 县（区）人社局: where the resident pension scheme is joined and paid into.
    CountyHumanResources,
    /// 县（区）医保局: resident medical insurance and medical aid.
    CountyMedicalSecurity,
    /// 县（区）住建局: public rental housing and rural house renovation.
    CountyHousing,
    /// 县（区）残联: rehabilitation aid and devices.
    CountyDisabledFederation,
    /// 县（区）计生协: the hospital nursing insurance and the volunteers.
    CountyFamilyPlanningAssociation,
    /// 县（区）乡村振兴局: projects for registered households.
    CountyRuralRevitalization,
    /// The school's own student-aid office (clause 15's aid is assessed there).
    SchoolAidOffice,
    /// The hospital or community health centre the family uses (the green channel is there).
    Hospital,
    CityFinance,
    CityHealth,
    CityHumanResources,
    CityCivilAffairs,
    CityMedicalSecurity,
    CityRuralRevitalization,
    CityFamilyPlanningAssociation,
    CityJustice,
    CityTradeUnions,
    CityPropaganda,
    CityYouthLeague,
    CityWomensFederation,
    CityDisabledFederation,
    CityHousing,
    CityEducation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Agency {
    pub id: AgencyId,
    /// As the policy writes it.
    pub zh: &'static str,
    pub en: &'static str,
    /// A public hotline that reaches it, where one is known. Local office numbers are not
    /// known and are never invented.
    pub hotline: Option<&'static str>,
}

pub const AGENCIES: [Agency; 29] = [
    Agency {
        id: AgencyId::CountyGovernment,
        zh: later!("县（区）人民政府"),
        en: en!("County government"),
        hotline: Some("12345"),
    },
    Agency {
        id: AgencyId::CountyCivilAffairs,
        zh: later!("县（区）民政局"),
        en: en!("County civil affairs bureau"),
        hotline: Some("12345"),
    },
    Agency {
        id: AgencyId::CountyHealth,
        zh: later!("县（区）卫生健康委"),
        en: en!("County health commission"),
        hotline: Some("12320"),
    },
    Agency {
        id: AgencyId::VillageCommittee,
        zh: later!("户籍所在地村（居）委会"),
        en: en!("Village or residents' committee of the household"),
        hotline: None,
    },
    Agency {
        id: AgencyId::Township,
        zh: later!("户籍所在地乡镇人民政府（街道办事处）"),
        en: en!("Township government or street office of the household"),
        hotline: None,
    },
    Agency {
        id: AgencyId::LegalAidCentre,
        zh: later!("法律援助中心"),
        en: en!("Legal aid centre"),
        hotline: Some("12348"),
    },
    Agency {
        id: AgencyId::CountyHumanResources,
        zh: later!("县（区）人社局"),
        en: en!("County social security bureau"),
        hotline: Some("12345"),
    },
    Agency {
        id: AgencyId::CountyMedicalSecurity,
        zh: later!("县（区）医保局"),
        en: en!("County healthcare security bureau"),
        hotline: Some("12345"),
    },
    Agency {
        id: AgencyId::CountyHousing,
        zh: later!("县（区）住建局"),
        en: en!("County housing bureau"),
        hotline: Some("12345"),
    },
    Agency {
        id: AgencyId::CountyDisabledFederation,
        zh: later!("县（区）残联"),
        en: en!("County disabled persons' federation"),
        hotline: Some("12345"),
    },
    Agency {
        id: AgencyId::CountyFamilyPlanningAssociation,
        zh: later!("县（区）计生协"),
        en: en!("County family planning association"),
        hotline: Some("12345"),
    },
    Agency {
        id: AgencyId::CountyRuralRevitalization,
        zh: later!("县（区）乡村振兴局"),
        en: en!("County rural revitalisation bureau"),
        hotline: Some("12345"),
    },
    Agency {
        id: AgencyId::SchoolAidOffice,
        zh: later!("孩子就读学校的学生资助部门"),
        en: en!("The student aid office of the child's school"),
        hotline: None,
    },
    Agency {
        id: AgencyId::Hospital,
        zh: later!("就诊的医院或社区卫生服务中心"),
        en: en!("The family's hospital or community health centre"),
        hotline: Some("12320"),
    },
    Agency {
        id: AgencyId::CityFinance,
        zh: later!("市财政局"),
        en: en!("Municipal finance bureau"),
        hotline: Some("12345"),
    },
    Agency {
        id: AgencyId::CityHealth,
        zh: later!("市卫生健康委"),
        en: en!("Municipal health commission"),
        hotline: Some("12320"),
    },
    Agency {
        id: AgencyId::CityHumanResources,
        zh: later!("市人社局"),
        en: en!("Municipal social security bureau"),
        hotline: Some("12345"),
    },
    Agency {
        id: AgencyId::CityCivilAffairs,
        zh: later!("市民政局"),
        en: en!("Municipal civil affairs bureau"),
        hotline: Some("12345"),
    },
    Agency {
        id: AgencyId::CityMedicalSecurity,
        zh: later!("市医保局"),
        en: en!("Municipal healthcare security bureau"),
        hotline: Some("12345"),
    },
    Agency {
        id: AgencyId::CityRuralRevitalization,
        zh: later!("市乡村振兴局"),
        en: en!("Municipal rural revitalisation bureau"),
        hotline: Some("12345"),
    },
    Agency {
        id: AgencyId::CityFamilyPlanningAssociation,
        zh: later!("市计生协"),
        en: en!("Municipal family planning association"),
        hotline: Some("12345"),
    },
    Agency {
        id: AgencyId::CityJustice,
        zh: later!("市司法局"),
        en: en!("Municipal justice bureau"),
        hotline: Some("12348"),
    },
    Agency {
        id: AgencyId::CityTradeUnions,
        zh: later!("市总工会"),
        en: en!("Municipal federation of trade unions"),
        hotline: Some("12345"),
    },
    Agency {
        id: AgencyId::CityPropaganda,
        zh: later!("市委宣传部（文明办）"),
        en: en!("Municipal publicity department (civilisation office)"),
        hotline: Some("12345"),
    },
    Agency {
        id: AgencyId::CityYouthLeague,
        zh: later!("团市委"),
        en: en!("Municipal Communist Youth League committee"),
        hotline: Some("12345"),
    },
    Agency {
        id: AgencyId::CityWomensFederation,
        zh: later!("市妇联"),
        en: en!("Municipal women's federation"),
        hotline: Some("12345"),
    },
    Agency {
        id: AgencyId::CityDisabledFederation,
        zh: later!("市残联"),
        en: en!("Municipal disabled persons' federation"),
        hotline: Some("12345"),
    },
    Agency {
        id: AgencyId::CityHousing,
        zh: later!("市住建局"),
        en: en!("Municipal housing bureau"),
        hotline: Some("12345"),
    },
    Agency {
        id: AgencyId::CityEducation,
        zh: later!("市教体局"),
        en: en!("Municipal education and sports bureau"),
        hotline: Some("12345"),
    },
];

/// The public hotlines RULINGS.md confirms; the only phone numbers this product prints.
pub const HOTLINES: [(&str, &str, &str); 3] = [
    (
        "12345",
        later!("政务服务便民热线"),
        en!("Government service hotline"),
    ),
    ("12320", later!("卫生健康热线"), en!("Health hotline")),
    (
        "12348",
        later!("公共法律服务热线"),
        en!("Public legal service hotline"),
    ),
];

impl AgencyId {
    pub fn agency(self) -> &'static Agency {
        AGENCIES
            .iter()
            .find(|a| a.id == self)
            .expect("every AgencyId has a row in AGENCIES (catalogue test)")
    }

    /// Whether the name depends on the family's area.
    pub fn is_local(self) -> bool {
        self.local_suffix().is_some() || self == AgencyId::CountyGovernment
    }

    /// Whether it is one of the city's own bureaus, which a family is never sent to first
    /// where its own county's office serves it.
    /// By id, not by name: the names are tags in the web build (`crate::later`). The catalogue
    /// test keeps it the same as "its name starts with 市, or it is 团市委".
    pub fn is_city(self) -> bool {
        use AgencyId::*;
        matches!(
            self,
            CityFinance
                | CityHealth
                | CityHumanResources
                | CityCivilAffairs
                | CityMedicalSecurity
                | CityRuralRevitalization
                | CityFamilyPlanningAssociation
                | CityJustice
                | CityTradeUnions
                | CityPropaganda
                | CityYouthLeague
                | CityWomensFederation
                | CityDisabledFederation
                | CityHousing
                | CityEducation
        )
    }

    /// For a county-level office, its name after the area's: 民政局 in 龙亭区民政局.
    fn local_suffix(self) -> Option<(&'static str, &'static str)> {
        Some(match self {
            AgencyId::CountyCivilAffairs => (later!("民政局"), en!("civil affairs bureau")),
            AgencyId::CountyHealth => (later!("卫生健康委"), en!("health commission")),
            AgencyId::LegalAidCentre => (later!("法律援助中心"), en!("legal aid centre")),
            AgencyId::CountyHumanResources => (later!("人社局"), en!("social security bureau")),
            AgencyId::CountyMedicalSecurity => {
                (later!("医保局"), en!("healthcare security bureau"))
            }
            AgencyId::CountyHousing => (later!("住建局"), en!("housing bureau")),
            AgencyId::CountyDisabledFederation => {
                (later!("残联"), en!("disabled persons' federation"))
            }
            AgencyId::CountyFamilyPlanningAssociation => {
                (later!("计生协"), en!("family planning association"))
            }
            AgencyId::CountyRuralRevitalization => {
                (later!("乡村振兴局"), en!("rural revitalisation bureau"))
            }
            _ => return None,
        })
    }

    /// The agency's name for this family: local offices carry the area's own name. The
    /// demonstration zone has no bureaus under those names (RULINGS, Round 3): its first stop
    /// is its management committee, which says which of its departments handles the matter.
    pub fn name_zh(self, area: Option<Area>) -> String {
        use crate::later::resolve;
        match (self, area, self.local_suffix()) {
            (AgencyId::CountyGovernment, Some(a), _) => resolve(a.government_zh()).to_string(),
            (_, Some(Area::Shifanqu), Some(_)) => {
                resolve(later!("城乡一体化示范区管理委员会（问明承办部门）")).to_string()
            }
            (_, Some(a), Some((zh, _))) => [resolve(a.office_prefix_zh()), resolve(zh)].concat(),
            _ => resolve(self.agency().zh).to_string(),
        }
    }

    pub fn name_en(self, area: Option<Area>) -> String {
        use crate::english::resolve;
        match (self, area, self.local_suffix()) {
            (AgencyId::CountyGovernment, Some(a), _) => resolve(a.government_en()).to_string(),
            (_, Some(Area::Shifanqu), Some(_)) => resolve(en!(
                "Demonstration Zone management committee (ask which department handles it)"
            ))
            .to_string(),
            (_, Some(a), Some((_, en))) => [resolve(a.name_en()), " ", resolve(en)].concat(),
            _ => resolve(self.agency().en).to_string(),
        }
    }
}

impl Area {
    pub fn name_zh(self) -> &'static str {
        match self {
            Area::Longting => "龙亭区",
            Area::Shunhe => "顺河回族区",
            Area::Gulou => "鼓楼区",
            Area::Yuwangtai => "禹王台区",
            Area::Xiangfu => "祥符区",
            Area::Qixian => "杞县",
            Area::Tongxu => "通许县",
            Area::Weishi => "尉氏县",
            Area::Lankao => "兰考县",
            Area::Shifanqu => "城乡一体化示范区",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Area::Longting => en!("Longting District"),
            Area::Shunhe => en!("Shunhe Hui District"),
            Area::Gulou => en!("Gulou District"),
            Area::Yuwangtai => en!("Yuwangtai District"),
            Area::Xiangfu => en!("Xiangfu District"),
            Area::Qixian => en!("Qi County"),
            Area::Tongxu => en!("Tongxu County"),
            Area::Weishi => en!("Weishi County"),
            Area::Lankao => en!("Lankao County"),
            Area::Shifanqu => en!("Urban-Rural Integration Demonstration Zone"),
        }
    }

    /// Counties pay clause 6's premium alone; districts share it with the city (4:6).
    pub fn is_county(self) -> bool {
        matches!(
            self,
            Area::Qixian | Area::Tongxu | Area::Weishi | Area::Lankao
        )
    }

    /// The demonstration zone is a functional zone with its own office, not a district.
    pub fn government_zh(self) -> &'static str {
        match self {
            Area::Longting => later!("龙亭区人民政府"),
            Area::Shunhe => later!("顺河回族区人民政府"),
            Area::Gulou => later!("鼓楼区人民政府"),
            Area::Yuwangtai => later!("禹王台区人民政府"),
            Area::Xiangfu => later!("祥符区人民政府"),
            Area::Qixian => later!("杞县人民政府"),
            Area::Tongxu => later!("通许县人民政府"),
            Area::Weishi => later!("尉氏县人民政府"),
            Area::Lankao => later!("兰考县人民政府"),
            Area::Shifanqu => later!("城乡一体化示范区管理委员会"),
        }
    }

    pub fn government_en(self) -> &'static str {
        match self {
            Area::Shifanqu => en!("Demonstration Zone management committee"),
            Area::Longting => en!("Longting District government"),
            Area::Shunhe => en!("Shunhe Hui District government"),
            Area::Gulou => en!("Gulou District government"),
            Area::Yuwangtai => en!("Yuwangtai District government"),
            Area::Xiangfu => en!("Xiangfu District government"),
            Area::Qixian => en!("Qi County government"),
            Area::Tongxu => en!("Tongxu County government"),
            Area::Weishi => en!("Weishi County government"),
            Area::Lankao => en!("Lankao County government"),
        }
    }

    fn office_prefix_zh(self) -> &'static str {
        match self {
            Area::Shifanqu => later!("城乡一体化示范区"),
            other => other.name_zh(),
        }
    }
}
