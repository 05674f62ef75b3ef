//! The closed vocabularies of the election tables: the body an election fills, a
//! delegate's occupation category, the ineligibility grounds of a candidate and a
//! candidate's post on a list. Each parses the Chinese a list uses and its own code; an
//! unknown value is an error the loader reports, never a guess.

/// What an election fills (`elections.body`, `memberships.body`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ElectionBody {
    /// 党代会代表: delegates to the party congress.
    PartyCongress,
    /// 党委委员: party-committee members (elected by the congress).
    PartyCommittee,
    /// 纪委委员: discipline-committee members.
    DisciplineCommittee,
    /// 常委: standing-committee members (elected by the plenary).
    StandingCommittee,
    /// 人大代表: people's-congress delegates.
    PcDelegates,
    /// 人大主席团: the township PC presidium.
    Presidium,
    /// 政协委员: CPPCC members.
    Cppcc,
    /// 人大选举的国家机关领导人员: leaders elected by a PC session (乡镇长, 副乡镇长, 人大主席…).
    PcLeadership,
    /// 选举委员会: the election committee (a membership, not an election).
    ElectionCommittee,
}

impl ElectionBody {
    pub const ALL: [ElectionBody; 9] = [
        ElectionBody::PartyCongress,
        ElectionBody::PartyCommittee,
        ElectionBody::DisciplineCommittee,
        ElectionBody::StandingCommittee,
        ElectionBody::PcDelegates,
        ElectionBody::Presidium,
        ElectionBody::Cppcc,
        ElectionBody::PcLeadership,
        ElectionBody::ElectionCommittee,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ElectionBody::PartyCongress => "party_congress",
            ElectionBody::PartyCommittee => "party_committee",
            ElectionBody::DisciplineCommittee => "discipline_committee",
            ElectionBody::StandingCommittee => "standing_committee",
            ElectionBody::PcDelegates => "pc_delegates",
            ElectionBody::Presidium => "presidium",
            ElectionBody::Cppcc => "cppcc",
            ElectionBody::PcLeadership => "pc_leadership",
            ElectionBody::ElectionCommittee => "election_committee",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            ElectionBody::PartyCongress => "党代会代表",
            ElectionBody::PartyCommittee => "党委委员",
            ElectionBody::DisciplineCommittee => "纪委委员",
            ElectionBody::StandingCommittee => "常委",
            ElectionBody::PcDelegates => "人大代表",
            ElectionBody::Presidium => "人大主席团",
            ElectionBody::Cppcc => "政协委员",
            ElectionBody::PcLeadership => "人大选举领导人员",
            ElectionBody::ElectionCommittee => "选举委员会",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            ElectionBody::PartyCongress => "party-congress delegates",
            ElectionBody::PartyCommittee => "party-committee members",
            ElectionBody::DisciplineCommittee => "discipline-committee members",
            ElectionBody::StandingCommittee => "standing-committee members",
            ElectionBody::PcDelegates => "people's-congress delegates",
            ElectionBody::Presidium => "PC presidium",
            ElectionBody::Cppcc => "CPPCC members",
            ElectionBody::PcLeadership => "leaders elected by the PC",
            ElectionBody::ElectionCommittee => "election committee",
        }
    }

    pub fn parse(text: &str) -> Result<ElectionBody, String> {
        let k: String = text
            .trim()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        let k = k.trim_end_matches("候选人").trim_end_matches("选举");
        let found = match k {
            "党代会代表" | "党代表" | "党代会" | "党员代表大会代表" | "党代会代表人选" => {
                ElectionBody::PartyCongress
            }
            "党委委员" | "党委" | "党工委委员" | "党委会委员" => ElectionBody::PartyCommittee,
            "纪委委员" | "纪委" | "纪工委委员" => ElectionBody::DisciplineCommittee,
            "常委" | "党委常委" | "常务委员" => ElectionBody::StandingCommittee,
            "人大代表" | "人民代表大会代表" | "乡镇人大代表" | "县人大代表" | "县级人大代表" => {
                ElectionBody::PcDelegates
            }
            "人大主席团" | "主席团" | "主席团成员" => ElectionBody::Presidium,
            "政协委员" | "政协" => ElectionBody::Cppcc,
            "人大选举领导人员" | "国家机关领导人员" | "政府领导" | "人大选举" => {
                ElectionBody::PcLeadership
            }
            "选举委员会" | "选委会" | "选举委员会委员" => ElectionBody::ElectionCommittee,
            _ => {
                return ElectionBody::ALL
                    .into_iter()
                    .find(|b| b.code() == k)
                    .ok_or_else(|| {
                        format!(
                            "unknown body {text:?}: expected 党代会代表, 党委委员, 纪委委员, 常委, 人大代表, 人大主席团, 政协委员, 人大选举领导人员 or 选举委员会"
                        )
                    })
            }
        };
        Ok(found)
    }
}

/// A delegate's occupation category at the time of the election (DELEL-007), also the
/// category of the seat (quota) a delegate fills (DEL-003).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Worker,
    Farmer,
    Professional,
    Cadre,
    EnterpriseHead,
    Military,
    Other,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Worker,
        Category::Farmer,
        Category::Professional,
        Category::Cadre,
        Category::EnterpriseHead,
        Category::Military,
        Category::Other,
    ];

    pub fn label_zh(self) -> &'static str {
        match self {
            Category::Worker => "工人",
            Category::Farmer => "农民",
            Category::Professional => "专业技术人员",
            Category::Cadre => "党政干部",
            Category::EnterpriseHead => "企业负责人",
            Category::Military => "解放军",
            Category::Other => "其他",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Category::Worker => "worker",
            Category::Farmer => "farmer",
            Category::Professional => "professional/technical",
            Category::Cadre => "party/government cadre",
            Category::EnterpriseHead => "enterprise head",
            Category::Military => "military",
            Category::Other => "other",
        }
    }

    /// Worker, farmer and professional seats: the grassroots seats DEL-003 protects.
    pub fn is_grassroots(self) -> bool {
        matches!(
            self,
            Category::Worker | Category::Farmer | Category::Professional
        )
    }

    pub fn parse(text: &str) -> Result<Category, String> {
        let k = text.trim().to_lowercase();
        let found = match k.as_str() {
            "工人" | "产业工人" | "一线工人" | "worker" => Category::Worker,
            "农民" | "farmer" => Category::Farmer,
            "专业技术人员" | "专技人员" | "专业技术" | "professional" => Category::Professional,
            "党政干部" | "党政领导干部" | "机关干部" | "干部" | "cadre" => Category::Cadre,
            "企业负责人" | "企业管理人员" | "企业家" | "enterprise_head" => {
                Category::EnterpriseHead
            }
            "解放军" | "军人" | "部队" | "military" => Category::Military,
            "其他" | "other" => Category::Other,
            _ => {
                return Err(format!(
                    "unknown category {text:?}: expected 工人, 农民, 专业技术人员, 党政干部, 企业负责人, 解放军 or 其他"
                ))
            }
        };
        Ok(found)
    }
}

/// The grounds of each candidate (`candidates.flags`), in the order given, held end to
/// end: a `Vec` of its own per candidate took 24 bytes each, about 50 MB for the two
/// million candidates of 40,000 units, almost all of them with no ground at all.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct GroundLists {
    grounds: Vec<Ground>,
    /// Where each candidate's grounds end in `grounds`.
    ends: Vec<u32>,
}

impl GroundLists {
    pub fn reserve(&mut self, n: usize) {
        self.ends.reserve(n);
    }

    pub fn push(&mut self, grounds: &[Ground]) {
        self.grounds.extend_from_slice(grounds);
        // Fewer than 16 grounds per candidate, and far fewer than 2^32 candidates.
        self.ends.push(self.grounds.len() as u32);
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Each candidate's grounds, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[Ground]> + '_ {
        (0..self.len()).map(|i| &self[i])
    }
}

impl std::ops::Index<usize> for GroundLists {
    type Output = [Ground];

    fn index(&self, i: usize) -> &[Ground] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.grounds[start..self.ends[i] as usize]
    }
}

/// An ineligibility ground of a candidate (`candidates.flags`), each of one DELEL rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ground {
    // DELEL-001
    PoliticalProblem,
    ServingSentence,
    OrganisedCrime,
    Cult,
    IllegalAct,
    BadConduct,
    ReligiousForce,
    // DELEL-002
    WeakPolitics,
    Separatism,
    PoorMorals,
    SuspectedViolation,
    IdentityFraud,
    // DELEL-003
    ForeignNationality,
    ForeignResidence,
    // DELEL-004
    VoteBuying,
    // DELEL-005
    ForeignFunding,
}

impl Ground {
    pub const ALL: [Ground; 16] = [
        Ground::PoliticalProblem,
        Ground::ServingSentence,
        Ground::OrganisedCrime,
        Ground::Cult,
        Ground::IllegalAct,
        Ground::BadConduct,
        Ground::ReligiousForce,
        Ground::WeakPolitics,
        Ground::Separatism,
        Ground::PoorMorals,
        Ground::SuspectedViolation,
        Ground::IdentityFraud,
        Ground::ForeignNationality,
        Ground::ForeignResidence,
        Ground::VoteBuying,
        Ground::ForeignFunding,
    ];

    /// The DELEL rule of the ground.
    pub fn rule(self) -> &'static str {
        use Ground::*;
        match self {
            PoliticalProblem | ServingSentence | OrganisedCrime | Cult | IllegalAct
            | BadConduct | ReligiousForce => "DELEL-001",
            WeakPolitics | Separatism | PoorMorals | SuspectedViolation | IdentityFraud => {
                "DELEL-002"
            }
            ForeignNationality | ForeignResidence => "DELEL-003",
            VoteBuying => "DELEL-004",
            ForeignFunding => "DELEL-005",
        }
    }

    pub fn code(self) -> &'static str {
        use Ground::*;
        match self {
            PoliticalProblem => "political_problem",
            ServingSentence => "serving_sentence",
            OrganisedCrime => "organised_crime",
            Cult => "cult",
            IllegalAct => "illegal_act",
            BadConduct => "bad_conduct",
            ReligiousForce => "religious_force",
            WeakPolitics => "weak_politics",
            Separatism => "separatism_stance",
            PoorMorals => "poor_morals",
            SuspectedViolation => "suspected_violation",
            IdentityFraud => "identity_fraud",
            ForeignNationality => "foreign_nationality",
            ForeignResidence => "foreign_residence",
            VoteBuying => "vote_buying",
            ForeignFunding => "foreign_funding",
        }
    }

    pub fn label_zh(self) -> &'static str {
        use Ground::*;
        match self {
            PoliticalProblem => "有明显政治问题",
            ServingSentence => "正在服刑",
            OrganisedCrime => "涉黑涉恶",
            Cult => "参与邪教",
            IllegalAct => "有违法行为",
            BadConduct => "品行恶劣",
            ReligiousForce => "宗教或宗族势力代表人物",
            WeakPolitics => "政治素质不高",
            Separatism => "反分裂斗争立场不坚定",
            PoorMorals => "道德品质和社会形象差",
            SuspectedViolation => "涉嫌违纪违法",
            IdentityFraud => "身份造假",
            ForeignNationality => "拥有外国国籍",
            ForeignResidence => "拥有国（境）外永久居留权或长期居留许可",
            VoteBuying => "拉票贿选",
            ForeignFunding => "接受境外与选举有关的资助",
        }
    }

    pub fn label_en(self) -> &'static str {
        use Ground::*;
        match self {
            PoliticalProblem => "obvious political problems",
            ServingSentence => "serving a sentence",
            OrganisedCrime => "organised crime",
            Cult => "cult activity",
            IllegalAct => "illegal acts",
            BadConduct => "vile conduct",
            ReligiousForce => "a religious or clan-force figure",
            WeakPolitics => "weak political quality",
            Separatism => "wavering on anti-separatism",
            PoorMorals => "poor morals or social image",
            SuspectedViolation => "suspected violation of discipline or law",
            IdentityFraud => "falsified identity",
            ForeignNationality => "foreign nationality",
            ForeignResidence => "foreign permanent or long-term residence",
            VoteBuying => "vote-buying",
            ForeignFunding => "election funding from abroad",
        }
    }

    pub fn parse(text: &str) -> Result<Ground, String> {
        use Ground::*;
        let k = text.trim().to_lowercase();
        let found = match k.as_str() {
            "政治问题" | "有明显政治问题" => PoliticalProblem,
            "服刑" | "正在服刑" => ServingSentence,
            "涉黑涉恶" | "涉黑" | "涉恶" => OrganisedCrime,
            "邪教" | "参与邪教" => Cult,
            "违法" | "违法行为" | "有违法行为" => IllegalAct,
            "品行恶劣" | "品行不端" => BadConduct,
            "宗教势力" | "宗族势力" | "宗教或宗族势力" => ReligiousForce,
            "政治素质不高" | "政治素质差" => WeakPolitics,
            "反分裂立场不坚定" | "立场不坚定" | "反分裂斗争立场不坚定" => {
                Separatism
            }
            "道德品质差" | "社会形象差" | "道德品质和社会形象差" => PoorMorals,
            "涉嫌违纪违法" | "违纪违法" => SuspectedViolation,
            "身份造假" | "身份不实" => IdentityFraud,
            "外国国籍" | "拥有外国国籍" => ForeignNationality,
            "境外永久居留权" | "国外永久居留权" | "长期居留许可" | "境外居留" => {
                ForeignResidence
            }
            "拉票贿选" | "贿选" | "拉票" => VoteBuying,
            "境外资助" | "接受境外资助" => ForeignFunding,
            _ => {
                return Ground::ALL
                    .into_iter()
                    .find(|g| g.code() == k)
                    .ok_or_else(|| {
                        format!(
                            "unknown ineligibility ground {text:?} (see the README for the list)"
                        )
                    })
            }
        };
        Ok(found)
    }
}

/// A candidate's post on the list, where the list says (`candidates.role`): the
/// secretary and deputy candidates stand apart from the stroke order (DEL-014), the
/// presidium has a chair and vice-chairs (SIZE-009/010).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ListRole {
    Secretary,
    DeputySecretary,
    Chair,
    ViceChair,
    Member,
}

impl ListRole {
    pub fn code(self) -> &'static str {
        match self {
            ListRole::Secretary => "secretary",
            ListRole::DeputySecretary => "deputy_secretary",
            ListRole::Chair => "chair",
            ListRole::ViceChair => "vice_chair",
            ListRole::Member => "member",
        }
    }

    pub fn parse(text: &str) -> Result<ListRole, String> {
        let k = text.trim().to_lowercase();
        let k = k.trim_end_matches("候选人").trim_end_matches("人选");
        Ok(match k {
            "书记" | "党委书记" | "党工委书记" | "纪委书记" | "secretary" => {
                ListRole::Secretary
            }
            "副书记" | "党委副书记" | "党工委副书记" | "纪委副书记" | "deputy_secretary" => {
                ListRole::DeputySecretary
            }
            "主席" | "人大主席" | "主席团主席" | "专职主席" | "chair" => {
                ListRole::Chair
            }
            "副主席" | "人大副主席" | "专职副主席" | "vice_chair" => {
                ListRole::ViceChair
            }
            "委员" | "成员" | "代表" | "member" | "主席团成员" => ListRole::Member,
            _ => {
                return Err(format!(
                    "unknown role {text:?}: expected 书记, 副书记, 主席, 副主席, 委员 or 成员"
                ))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ground_lists_read_back_each_candidates_grounds_in_order() {
        let given: [&[Ground]; 4] = [
            &[],
            &[Ground::VoteBuying, Ground::Cult],
            &[],
            &[Ground::ForeignFunding],
        ];
        let mut lists = GroundLists::default();
        for g in given {
            lists.push(g);
        }
        assert_eq!(lists.len(), 4);
        for (i, g) in given.iter().enumerate() {
            assert_eq!(&lists[i], *g, "candidate {i}");
        }
        assert_eq!(lists.iter().collect::<Vec<_>>(), given.to_vec());
    }
}
