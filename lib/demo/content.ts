/**
 * Synthetic question content: small medical word lists and templates that make prompts, options
 * and answers read like the real benchmarks. Everything is drawn from a seeded `Rng`, keyed by the
 * question (env id + subtask + example id), so every configuration and every answer order sees the
 * same question.
 */
import type { Rng } from "./prng";

export const DIAGNOSES = [
  "Acute pancreatitis", "Pulmonary embolism", "Aortic dissection", "Community-acquired pneumonia",
  "Diabetic ketoacidosis", "Acute appendicitis", "Bacterial meningitis", "Infective endocarditis",
  "Graves disease", "Hashimoto thyroiditis", "Addison disease", "Cushing syndrome",
  "Pheochromocytoma", "Primary hyperaldosteronism", "Sarcoidosis", "Tuberculosis",
  "Systemic lupus erythematosus", "Rheumatoid arthritis", "Gout", "Polymyalgia rheumatica",
  "Giant cell arteritis", "Guillain-Barré syndrome", "Myasthenia gravis", "Multiple sclerosis",
  "Subarachnoid hemorrhage", "Ischemic stroke", "Iron deficiency anemia", "Vitamin B12 deficiency",
  "Hereditary spherocytosis", "Acute myeloid leukemia", "Hodgkin lymphoma", "Nephrotic syndrome",
  "Acute interstitial nephritis", "Ulcerative colitis", "Crohn disease", "Celiac disease",
  "Primary biliary cholangitis", "Hepatitis B infection", "Ectopic pregnancy", "Preeclampsia",
  "Kawasaki disease", "Ventricular septal defect", "Tetralogy of Fallot", "Hypertrophic cardiomyopathy",
  "Constrictive pericarditis", "Cardiac tamponade", "Asthma exacerbation", "Idiopathic pulmonary fibrosis",
];

export const MANAGEMENT = [
  "Intravenous unfractionated heparin", "Emergency laparoscopic appendectomy", "Intravenous ceftriaxone and vancomycin",
  "Insulin infusion with intravenous fluids", "Urgent pericardiocentesis", "Oral prednisone", "Intravenous immunoglobulin",
  "Percutaneous coronary intervention", "Observation and repeat imaging in 6 months", "Needle thoracostomy",
  "Intubation and mechanical ventilation", "Oral levothyroxine", "Radioactive iodine ablation", "Methimazole",
  "CT angiography of the chest", "Lumbar puncture", "Upper endoscopy", "Colonoscopy with biopsy",
  "Serum beta-hCG measurement", "Transthoracic echocardiography", "Intravenous magnesium sulfate",
  "Broad-spectrum antibiotics and blood cultures", "Alteplase", "Aspirin and clopidogrel", "Oral amoxicillin",
  "Referral for cognitive behavioral therapy", "Low-dose colchicine", "Allopurinol", "Plasmapheresis",
  "Surgical consultation for exploratory laparotomy",
];

export const MECHANISMS = [
  "Inhibition of cyclooxygenase", "Blockade of beta-1 adrenergic receptors", "Inhibition of HMG-CoA reductase",
  "Inhibition of the Na-K-2Cl cotransporter", "Inhibition of vitamin K epoxide reductase", "Direct factor Xa inhibition",
  "Inhibition of thyroid peroxidase", "Inhibition of bacterial cell wall synthesis", "Inhibition of the 50S ribosomal subunit",
  "Inhibition of DNA gyrase", "Blockade of L-type calcium channels", "Inhibition of angiotensin-converting enzyme",
  "Agonism at the mu opioid receptor", "Inhibition of xanthine oxidase", "Inhibition of dihydrofolate reductase",
  "Blockade of the H2 receptor", "Irreversible inhibition of the proton pump", "Inhibition of calcineurin",
  "Stimulation of insulin release via K-ATP channel closure", "Inhibition of SGLT2 in the proximal tubule",
];

export const CAUSES = [
  "22q11 deletion", "Deletion of genes on chromosome 7", "Lithium exposure in utero", "Maternal alcohol consumption",
  "Autoantibodies against the TSH receptor", "Deficiency of 21-hydroxylase", "Mutation in the CFTR gene",
  "Trinucleotide repeat expansion", "Autoimmune destruction of parietal cells", "Immune complex deposition",
  "Thrombus originating in the deep veins", "Defective spectrin in the red cell membrane", "Infection with group A streptococci",
  "Reactivation of latent varicella-zoster virus", "Obstruction of the cystic duct", "Medication-induced hypersensitivity",
  "Fibrinoid necrosis of small arteries", "Increased intracranial pressure", "Excess parathyroid hormone secretion",
  "Loss of dopaminergic neurons in the substantia nigra",
];

export const FINDINGS = [
  "Elevated serum lipase", "Low serum ferritin", "Positive anti-dsDNA antibodies", "Noncaseating granulomas on biopsy",
  "Negatively birefringent crystals", "Schistocytes on peripheral smear", "Increased anion gap metabolic acidosis",
  "ST-segment elevation in leads II, III and aVF", "Elevated D-dimer", "Hypokalemia with metabolic alkalosis",
  "Low serum cortisol with high ACTH", "Elevated erythrocyte sedimentation rate", "Oligoclonal bands in the CSF",
  "Decreased diffusing capacity (DLCO)", "Hyperkalemia and hyponatremia", "Positive tissue transglutaminase IgA",
  "Target cells on peripheral smear", "Elevated alkaline phosphatase", "Proteinuria above 3.5 g/day", "Low TSH with high free T4",
];

export const DRUGS = [
  "metformin", "lisinopril", "atorvastatin", "warfarin", "apixaban", "levothyroxine", "amoxicillin", "azithromycin",
  "sertraline", "omeprazole", "prednisone", "furosemide", "metoprolol", "amlodipine", "insulin glargine",
  "ibuprofen", "acetaminophen", "gabapentin", "albuterol", "allopurinol",
];

const SYMPTOMS = [
  "fever", "productive cough", "shortness of breath", "pleuritic chest pain", "epigastric pain radiating to the back",
  "nausea and vomiting", "joint pain", "fatigue", "weight loss", "night sweats", "headache", "neck stiffness",
  "palpitations", "tremor", "heat intolerance", "bloody diarrhea", "abdominal distension", "leg swelling",
  "double vision", "progressive weakness", "rash on the cheeks", "jaundice", "polyuria", "confusion",
];
const DURATIONS = ["2 hours", "1 day", "3 days", "1 week", "2 weeks", "3 months", "6 months"];
const SETTINGS = ["emergency department", "physician", "clinic", "hospital"];
const HISTORIES = [
  "{P} has a history of hypertension and type 2 diabetes mellitus.",
  "{P} has no significant past medical history.",
  "{P} has smoked one pack of cigarettes daily for 30 years.",
  "{P} takes no medications.",
  "{P} drinks 6 beers daily.",
  "{P} was recently treated for a urinary tract infection.",
  "{P} returned from a trip to Southeast Asia 2 weeks ago.",
  "{P} has a family history of thyroid disease.",
];
const EXAMS = [
  "Examination shows crackles at the right lung base.",
  "There is tenderness in the right lower quadrant with guarding.",
  "Examination shows a holosystolic murmur at the left lower sternal border.",
  "There is bilateral pitting edema of the lower extremities.",
  "Neurologic examination shows decreased strength in both lower extremities.",
  "The thyroid gland is diffusely enlarged and nontender.",
  "Scleral icterus is present.",
  "There is a malar rash sparing the nasolabial folds.",
];

export type OptionKind = "diagnosis" | "management" | "mechanism" | "cause" | "finding";
const POOLS: Record<OptionKind, string[]> = {
  diagnosis: DIAGNOSES,
  management: MANAGEMENT,
  mechanism: MECHANISMS,
  cause: CAUSES,
  finding: FINDINGS,
};
const LEADS: Record<OptionKind, string> = {
  diagnosis: "Which of the following is the most likely diagnosis?",
  management: "Which of the following is the most appropriate next step in management?",
  mechanism: "The most appropriate pharmacotherapy for this patient acts by which of the following mechanisms?",
  cause: "This patient's condition is most likely caused by which of the following?",
  finding: "Which of the following is most likely to be found on further evaluation?",
};

export const NOTA = "None of the above";
export const IDK = "I don't know or cannot answer";

export function vignette(r: Rng): string {
  const age = r.range(2, 85);
  const female = r.chance(0.5);
  const sex = age < 16 ? (female ? "girl" : "boy") : female ? "woman" : "man";
  const [s1, s2] = r.sample(SYMPTOMS, 2);
  const t = (36.5 + r.next() * 3).toFixed(1);
  const history = r.pick(HISTORIES).replace("{P}", female ? "She" : "He");
  return (
    `A ${age}-year-old ${sex} presents to the ${r.pick(SETTINGS)} with ${r.pick(DURATIONS)} of ${s1} and ${s2}. ` +
    `${history} T ${t}°C, HR ${r.range(58, 132)}/min, BP ${r.range(88, 172)}/${r.range(52, 104)} mm Hg. ${r.pick(EXAMS)}`
  );
}

/** A multiple-choice question in its original option order. */
export interface McqQuestion {
  stem: string;
  options: string[];
  /** Options that keep their position when answers are shuffled ("None of the above", ...). */
  fixed: boolean[];
  gold: number;
  /** Options refer to other letters ("Both A and B"): the question is never shuffled. */
  noShuffle: boolean;
}

interface McqShape {
  nOptions: number;
  /** pubmedqa-style yes/no/maybe */
  yesNo?: boolean;
  /** MetaMedQA: "None of the above" + "I don't know" appended and fixed. */
  metacog?: boolean;
  /** Med-HALT NOTA test: the gold option is replaced by "None of the above". */
  notaGold?: boolean;
  family: "vignette" | "knowledge" | "code" | "research" | "records" | "guidance";
}

/** Option count and question family per benchmark slug (subtask-aware). */
export function mcqShape(slugName: string, subtask: string): McqShape {
  switch (slugName) {
    case "pubmedqa":
      return { nOptions: 3, yesNo: true, family: "research" };
    case "metamedqa":
      return { nOptions: 4, metacog: true, family: "vignette" };
    case "medbullets":
      return { nOptions: subtask.includes("num_options-4") ? 4 : 5, family: "vignette" };
    case "medconceptsqa":
      return { nOptions: 4, family: "code" };
    case "longhealth":
      return { nOptions: 5, family: "records" };
    case "pubhealthbench":
      return { nOptions: 4, family: "guidance" };
    case "med_halt":
      return { nOptions: 4, notaGold: subtask.includes("nota"), family: "knowledge" };
    case "med_mcqa":
    case "head_qa_v2":
      return { nOptions: 4, family: "knowledge" };
    case "mmlu_pro_health":
    case "supergpqa_medicine":
      return { nOptions: 5, family: "knowledge" };
    case "medxpertqa":
    case "m_arc":
      return { nOptions: 5, family: "vignette" };
    default:
      return { nOptions: 4, family: "vignette" };
  }
}

const LAST_NAMES = ["Meyer", "Okafor", "Lindqvist", "Tanaka", "Rossi", "Haddad", "Kowalski", "Nguyen", "Dubois", "Alvarez"];
const STUDY_TOPICS = [
  ["early mobilization", "length of hospital stay", "patients after hip fracture surgery"],
  ["vitamin D supplementation", "the rate of respiratory infections", "elderly nursing home residents"],
  ["preoperative anemia", "30-day mortality", "patients undergoing cardiac surgery"],
  ["telemonitoring", "hospital readmission", "adults with heart failure"],
  ["statin use", "the progression of aortic stenosis", "patients with mild aortic stenosis"],
  ["a structured handover tool", "medication errors", "pediatric wards"],
];
const GUIDANCE_TOPICS = [
  "the interval for routine cervical screening in people aged 25 to 49",
  "the first-line action after a needlestick injury",
  "who should be offered the seasonal influenza vaccine",
  "the exclusion period for a child with diarrhoea and vomiting",
  "the target population for abdominal aortic aneurysm screening",
  "the management of close contacts of a measles case",
];

/** Build an MCQ question for a benchmark (deterministic in `r`). */
export function makeMcq(r: Rng, slugName: string, subtask: string): McqQuestion {
  const shape = mcqShape(slugName, subtask);
  if (shape.yesNo) {
    const [intervention, outcome, population] = r.pick(STUDY_TOPICS);
    const stem =
      `Context: In a cohort of ${r.range(80, 2400)} ${population}, ${intervention} was compared with usual care. ` +
      `The primary outcome was ${outcome}.\nQuestion: Is ${intervention} associated with improved ${outcome} in ${population}?`;
    const x = r.next();
    return { stem, options: ["yes", "no", "maybe"], fixed: [false, false, false], gold: x < 0.55 ? 0 : x < 0.88 ? 1 : 2, noShuffle: false };
  }

  const kinds: OptionKind[] = ["diagnosis", "management", "mechanism", "cause", "finding"];
  let kind: OptionKind = r.pick(kinds);
  let stem: string;
  switch (shape.family) {
    case "code": {
      kind = "diagnosis";
      const code = `${String.fromCharCode(65 + r.int(20))}${r.range(0, 99).toString().padStart(2, "0")}.${r.int(10)}`;
      stem = `What is the description of the medical code ${code} in ICD10CM?`;
      break;
    }
    case "records": {
      const name = r.pick(LAST_NAMES);
      stem =
        `<document 1> Discharge summary, patient ${name}: admitted with ${r.pick(SYMPTOMS)}; course complicated by ${r.pick(SYMPTOMS)}. </document>\n` +
        `<document 2> Follow-up letter: ${r.pick(EXAMS)} </document>\n` +
        `Based on the records of patient ${name}, ${LEADS[kind].charAt(0).toLowerCase()}${LEADS[kind].slice(1)}`;
      break;
    }
    case "guidance": {
      kind = "management";
      stem = `According to UK public health guidance, which of the following describes ${r.pick(GUIDANCE_TOPICS)}?`;
      break;
    }
    case "knowledge": {
      const dx = r.pick(DIAGNOSES).toLowerCase();
      const leads: Record<OptionKind, string> = {
        diagnosis: `Which of the following conditions most commonly presents with ${r.pick(SYMPTOMS)} and ${r.pick(SYMPTOMS)}?`,
        management: `Which of the following is the first-line treatment for ${dx}?`,
        mechanism: `The drug of choice for ${dx} acts by which of the following mechanisms?`,
        cause: `Which of the following is the most common cause of ${dx}?`,
        finding: `Which of the following is characteristically associated with ${dx}?`,
      };
      stem = leads[kind];
      break;
    }
    default:
      stem = `${vignette(r)} ${LEADS[kind]}`;
  }

  const n = shape.nOptions;
  const options = r.sample(POOLS[kind], n);
  const fixed = options.map(() => false);
  let gold = r.int(n);
  let noShuffle = false;
  if (shape.metacog) {
    options.push(NOTA, IDK);
    fixed.push(true, true);
    if (r.chance(0.15)) gold = n; // the correct option was removed: "None of the above" is right
  } else if (shape.notaGold) {
    options[n - 1] = NOTA;
    fixed[n - 1] = true;
    gold = n - 1;
  } else if (n >= 4 && r.chance(0.08)) {
    options[n - 1] = NOTA;
    fixed[n - 1] = true;
    if (gold === n - 1 && r.chance(0.6)) gold = r.int(n - 1);
  } else if (n >= 4 && shape.family !== "code" && r.chance(0.03)) {
    options[n - 1] = "Both A and B";
    noShuffle = true;
  }
  return { stem, options, fixed, gold, noShuffle };
}

/**
 * The displayed order for a shuffled variant: a permutation of the non-fixed positions, seeded per
 * question and order seed. `perm[displayPos] = originalIndex`.
 */
export function shufflePermutation(q: McqQuestion, r: Rng | null): number[] {
  const perm = q.options.map((_, i) => i);
  if (!r || q.noShuffle) return perm;
  const free = perm.filter((i) => !q.fixed[i]);
  const shuffled = free.slice();
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  free.forEach((pos, k) => (perm[pos] = shuffled[k]));
  return perm;
}

export const LETTERS = "ABCDEFGHIJ";

/** A short rationale sentence for an MCQ answer. */
export function mcqRationale(r: Rng, chosenText: string): string {
  const forms = [
    `The presentation is most consistent with ${chosenText.toLowerCase()}.`,
    `Weighing the findings, ${chosenText.toLowerCase()} fits best.`,
    `The key features point to ${chosenText.toLowerCase()}; the alternatives do not explain them.`,
    `${chosenText} is the best answer here.`,
  ];
  return r.pick(forms);
}

export function reasoningText(r: Rng, chosenText: string, otherText: string): string {
  const forms = [
    `Let me go through the findings. ${otherText} is possible but does not fit the whole picture; ${chosenText.toLowerCase()} explains it best.`,
    `The question asks for the single best option. I considered ${otherText.toLowerCase()} and ${chosenText.toLowerCase()}; the latter matches the key clue.`,
    `Key clues first, then eliminate distractors. ${chosenText} remains.`,
  ];
  return r.pick(forms);
}

// ---------------------------------------------------------------------------------------------
// MedCalc-Bench

export const CALCULATORS: { id: number; name: string; unit: string; lo: number; hi: number; decimals: number }[] = [
  { id: 2, name: "Creatinine Clearance (Cockcroft-Gault Equation)", unit: "mL/min", lo: 15, hi: 140, decimals: 3 },
  { id: 4, name: "CHA2DS2-VASc Score for Atrial Fibrillation Stroke Risk", unit: "points", lo: 0, hi: 8, decimals: 0 },
  { id: 6, name: "Body Mass Index (BMI)", unit: "kg/m^2", lo: 16, hi: 45, decimals: 3 },
  { id: 5, name: "Mean Arterial Pressure (MAP)", unit: "mm Hg", lo: 55, hi: 130, decimals: 3 },
  { id: 7, name: "Calcium Correction for Hypoalbuminemia", unit: "mg/dL", lo: 7, hi: 12, decimals: 3 },
  { id: 39, name: "Anion Gap", unit: "mEq/L", lo: 4, hi: 30, decimals: 0 },
  { id: 11, name: "QTc Bazett Calculator", unit: "msec", lo: 360, hi: 520, decimals: 3 },
  { id: 8, name: "Wells' Criteria for Pulmonary Embolism", unit: "points", lo: 0, hi: 9, decimals: 1 },
  { id: 23, name: "MELD Na (UNOS/OPTN)", unit: "points", lo: 6, hi: 40, decimals: 0 },
  { id: 60, name: "Fractional Excretion of Sodium (FENa)", unit: "%", lo: 0.1, hi: 4, decimals: 3 },
];

// ---------------------------------------------------------------------------------------------
// Open-ended (LLM-judged) benchmarks

export interface OpenQuestion {
  system: string;
  user: string;
  /** The reference answer (`answer`). */
  reference: string;
  /** A wrong or weak claim a poor answer would make. */
  distractor: string;
}

const PATIENT_ASKS = [
  "Can I take {drug} together with {drug2}?",
  "How long after taking {drug} can I drink alcohol?",
  "What are the common side effects of {drug}?",
  "Should {drug} be taken with food or on an empty stomach?",
  "Is it safe to stop {drug} suddenly?",
];

const SECTIONS = ["assessment and plan", "history of present illness", "procedures", "physical examination"];

export function makeOpenQuestion(r: Rng, slugName: string, subtask: string): OpenQuestion {
  const dx = r.pick(DIAGNOSES);
  const other = r.pick(DIAGNOSES.filter((d) => d !== dx));
  const drug = r.pick(DRUGS);
  const drug2 = r.pick(DRUGS.filter((d) => d !== drug));
  switch (slugName) {
    case "medicationqa":
    case "healthbench": {
      const ask = r.pick(PATIENT_ASKS).replace("{drug}", drug).replace("{drug2}", drug2);
      return {
        system: "You are a helpful, safety-conscious medical assistant. Give a brief but accurate response to the following question.",
        user: slugName === "healthbench" ? `I'm 54 and my doctor just started me on ${drug}. ${ask}` : ask,
        reference: `Generally yes with precautions: ${drug} should be taken as prescribed; check with a pharmacist about interactions with ${drug2} and report unusual symptoms.`,
        distractor: `${drug} and ${drug2} should never be combined under any circumstances.`,
      };
    }
    case "med_dialog":
      return {
        system: "Summarize the patient's question from the conversation in one or two sentences.",
        user: `Patient: I have had ${r.pick(SYMPTOMS)} for a ${r.pick(DURATIONS)} period and now ${r.pick(SYMPTOMS)}. I take ${drug}. Should I be worried?\nDoctor: Please describe when it started.`,
        reference: `The patient asks whether new symptoms while taking ${drug} are a cause for concern.`,
        distractor: `The patient asks for a refill of ${drug2}.`,
      };
    case "medec":
      return {
        system: "The following clinical note may contain one medical error. Identify the sentence with the error and correct it, or answer CORRECT.",
        user: `1 ${vignette(r)}\n2 The patient was diagnosed with ${other.toLowerCase()}.\n3 Treatment was started.`,
        reference: `Sentence 2: the diagnosis should be ${dx.toLowerCase()}.`,
        distractor: "CORRECT",
      };
    case "mtsamples":
    case "mtsamples_procedures":
    case "mtsamples_replicate": {
      const section = r.pick(SECTIONS);
      return {
        system: `You are a medical scribe. Write the ${section} section for the transcription below.`,
        user: `TRANSCRIPTION: ${vignette(r)} Workup confirmed ${dx.toLowerCase()}.`,
        reference: `${section.toUpperCase()}: ${dx}; ${r.pick(MANAGEMENT).toLowerCase()} performed without complication.`,
        distractor: `${section.toUpperCase()}: ${other}; no procedure performed.`,
      };
    }
    case "medcasereasoning":
    case "medrbench":
    case "agentclinic": {
      const mode =
        slugName === "agentclinic"
          ? "You are a doctor interviewing a simulated patient. Ask questions, request tests, then state DIAGNOSIS READY: <diagnosis>."
          : subtask === "1turn" || subtask === "free_turn"
            ? "You may ask the patient for more information before giving your final diagnosis."
            : "Read the case and give the most likely diagnosis with a short justification.";
      return {
        system: mode,
        user: `Case: ${vignette(r)} ${r.pick(FINDINGS)} was noted. What is the most likely diagnosis?`,
        reference: dx,
        distractor: other,
      };
    }
    case "pubhealthbench_freeform":
    case "pubhealthbench":
      return {
        system: "Answer the public health question in a few sentences, following UK guidance.",
        user: `What does UK guidance say about ${r.pick(GUIDANCE_TOPICS)}?`,
        reference: `Guidance recommends ${r.pick(MANAGEMENT).toLowerCase()} and notification of the local health protection team where indicated.`,
        distractor: "There is no national guidance on this.",
      };
    case "medexqa":
      return {
        system: "Answer the question and explain your answer.",
        user: `Explain why ${r.pick(MECHANISMS).toLowerCase()} is useful in ${dx.toLowerCase()}.`,
        reference: `It targets the main mechanism driving ${dx.toLowerCase()}, which reduces symptoms and complications.`,
        distractor: `It has no role in ${dx.toLowerCase()}.`,
      };
    default:
      return {
        system: "You are a medical expert. Answer the question concisely.",
        user: `${vignette(r)} What is the most likely diagnosis and the next step?`,
        reference: `${dx}; ${r.pick(MANAGEMENT).toLowerCase()}.`,
        distractor: `${other}; reassurance.`,
      };
  }
}

export function openAnswer(r: Rng, q: OpenQuestion, quality: number): string {
  if (quality > 0.7) return `${q.reference} ${r.pick(["Seek care promptly if symptoms worsen.", "Follow-up is advised.", "This is consistent with current guidance."])}`;
  if (quality > 0.4) return `Probably: ${q.reference.split(/[;:.]/)[0]}. ${r.pick(["Other causes are possible.", "More information would help."])}`;
  return `${q.distractor} ${r.pick(["I am not certain.", "Consult your doctor.", ""])}`.trim();
}
